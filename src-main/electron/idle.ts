import { powerMonitor, type BrowserWindow } from 'electron';
import type { IdleSignals } from '../service';

/** How often the system idle time is read; the lock can come this much later than the setting. */
const IDLE_POLL_MS = 5000;

/**
 * Feeds the lock policy from the OS: system idle time (any input anywhere counts as presence),
 * suspend, screen lock, fast user switch, and the window being hidden or minimized.
 * Call after `app` is ready. Returns a function that detaches everything.
 */
export function attachIdleSources(policy: IdleSignals, win: BrowserWindow): () => void {
  const onSuspend = () => policy.lockNow('suspend');
  const onLockScreen = () => policy.lockNow('screen-lock');
  const onHidden = () => policy.windowHidden();
  const onShown = () => {
    if (!win.isMinimized() && win.isVisible()) policy.windowShown();
  };

  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('lock-screen', onLockScreen);
  // macOS fast user switching: another person may sit down at this session's desk.
  powerMonitor.on('user-did-resign-active', onLockScreen);
  win.on('hide', onHidden);
  win.on('minimize', onHidden);
  win.on('show', onShown);
  win.on('restore', onShown);
  if (win.isMinimized() || !win.isVisible()) policy.windowHidden();

  const poll = setInterval(() => policy.systemIdleSeconds(powerMonitor.getSystemIdleTime()), IDLE_POLL_MS);

  const detach = () => {
    clearInterval(poll);
    powerMonitor.removeListener('suspend', onSuspend);
    powerMonitor.removeListener('lock-screen', onLockScreen);
    powerMonitor.removeListener('user-did-resign-active', onLockScreen);
    if (win.isDestroyed()) return;
    win.removeListener('hide', onHidden);
    win.removeListener('minimize', onHidden);
    win.removeListener('show', onShown);
    win.removeListener('restore', onShown);
    win.removeListener('closed', detach);
  };
  win.once('closed', detach);
  return detach;
}
