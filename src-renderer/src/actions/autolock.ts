import { api } from './bridge';
import { isSaved, useApp } from '../store';
import { flushDraft } from './notes';

/**
 * The renderer's half of auto-lock: report activity (throttled, immediate during a warning),
 * show the countdown, and save the draft when main asks before it locks.
 */
const ACTIVITY_THROTTLE_MS = 5000;
let lastSent = 0;

export function reportActivity(): void {
  const { phase, lockWarning } = useApp.getState();
  if (phase !== 'ready') return;
  const now = Date.now();
  if (lockWarning === null && now - lastSent < ACTIVITY_THROTTLE_MS) return;
  lastSent = now;
  void api().session.activity({});
}

export function stayUnlocked(): void {
  lastSent = 0;
  reportActivity();
}

/** Saves the draft (even mid-word, even a new note), then tells main whether it made it. */
export async function onFlushRequest(requestId: string): Promise<void> {
  await flushDraft();
  const { save, draft } = useApp.getState();
  const saved = !draft || isSaved(save);
  await api().session.flushDone({ requestId, saved });
}

/** Wires events and input listeners; returns a cleanup function. */
export function attachAutoLock(): () => void {
  const offs = [
    api().on('lock.warning', ({ secondsLeft }) => useApp.setState({ lockWarning: secondsLeft })),
    api().on('lock.warningCancelled', () => useApp.setState({ lockWarning: null })),
    api().on('flush.request', ({ requestId }) => void onFlushRequest(requestId)),
  ];
  const kinds = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
  for (const k of kinds) window.addEventListener(k, reportActivity, { passive: true });
  window.addEventListener('copy', onCopy);
  return () => {
    offs.forEach((off) => off());
    for (const k of kinds) window.removeEventListener(k, reportActivity);
    window.removeEventListener('copy', onCopy);
  };
}

/** After a copy out of the vault, main clears the clipboard later if it still holds that text. */
function onCopy(): void {
  if (useApp.getState().phase !== 'ready') return;
  // The copy event fires before the system clipboard is written; ask main a moment later.
  setTimeout(() => void api().session.copied({}), 50);
}
