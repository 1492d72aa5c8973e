import { useApp, type View } from '../store';

/** How long a screen may take to show the field asked for (its data loads first). */
const FOCUS_WAIT_MS = 3000;

/**
 * Opens a screen and, when given, puts the cursor in one of its fields, so a button that says
 * "Change password" lands in the password form, not just somewhere on the Settings page.
 */
export function goTo(view: View, focusId?: string): void {
  useApp.setState({ view });
  if (!focusId) return;
  const until = performance.now() + FOCUS_WAIT_MS;
  const tryFocus = () => {
    const el = document.getElementById(focusId);
    // A control still waiting for its data (disabled) cannot take the cursor yet.
    if (el && !(el instanceof HTMLButtonElement && el.disabled)) {
      el.scrollIntoView({ block: 'center' });
      el.focus();
    } else if (performance.now() < until) {
      requestAnimationFrame(tryFocus);
    }
  };
  requestAnimationFrame(tryFocus);
}
