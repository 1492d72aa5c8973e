import { attachAutoLock } from './autolock';
import { api, call } from './bridge';
import { useApp, wipeForLock } from '../store';
import { onBackupProgress, refreshBackupReminder } from './backup';
import { refreshClients } from './clients';
import { confirmRecoveryKit } from './credentials';
import { flushDraft, openNote, refreshNotes } from './notes';
import { loadSettings } from './settings';

const LOCK_REASONS: Record<string, string> = {
  idle: 'Locked after a period of inactivity. Your work was saved.',
  suspend: 'Locked because the computer went to sleep. Your work was saved.',
  'screen-lock': 'Locked because the screen was locked. Your work was saved.',
  hidden: 'Locked because the window was hidden. Your work was saved.',
};

/** Listens to main's events (lock, auto-lock, backup progress); returns a cleanup function. */
export function attachEvents(): () => void {
  const offs = [
    api().on('locked', ({ reason }) => onLocked(LOCK_REASONS[reason] ?? null)),
    api().on('backup.progress', onBackupProgress),
    attachAutoLock(),
  ];
  return () => offs.forEach((off) => off());
}

/** Decides the first screen from the vault's state. */
export async function boot(): Promise<void> {
  const res = await api().vault.status({});
  if (!res.ok) {
    // A damaged or too-new vault file: say so and offer the way out (restore), never a blank page.
    useApp.setState({ phase: 'restore', banner: res.error.message });
    return;
  }
  const status = res.value;
  useApp.setState({
    hasKeyFile: status.hasKeyFile,
    phase: status.state === 'absent' ? 'create' : status.state === 'locked' ? 'unlock' : 'ready',
  });
  if (status.state === 'unlocked') await loadSession();
}

/** What the unlocked screens show from the start: notes, clients, the banners, the preferences. */
export async function loadSession(): Promise<void> {
  // The notes are what matters; a banner or a preference that fails to load must not fail an unlock.
  const extras = [refreshClients(), refreshVaultStatus(), refreshBackupReminder(), loadSettings()].map((p) => p.catch(() => undefined));
  await Promise.all([refreshNotes(), ...extras]);
}

/** The key-file flag, and whether the current Recovery Kit still waits to be confirmed. */
export async function refreshVaultStatus(): Promise<void> {
  const status = await call(api().vault.status({}));
  useApp.setState({ hasKeyFile: status.hasKeyFile, recoveryKitPending: status.recoveryKitConfirmed === false });
}

/** `keyFile` is the handle of the chosen key file, if any. */
export async function createVault(password: string, keyFile?: string): Promise<void> {
  const created = await call(api().vault.create(keyFile ? { password, keyFile } : { password }));
  useApp.setState({
    phase: 'recovery-kit',
    hasKeyFile: Boolean(keyFile),
    recoveryKit: { recoveryKey: created.recoveryKey, vaultId: created.vaultId, createdAt: created.createdAt },
  });
}

export async function finishRecoveryKit(): Promise<void> {
  useApp.setState({ phase: 'ready', recoveryKit: null });
  await confirmRecoveryKit();
  await loadSession();
}

export async function unlock(credentials: { password: string; keyFile?: string } | { recoveryKey: string }): Promise<void> {
  await call(api().vault.unlock(credentials));
  const resume = useApp.getState().resume;
  useApp.setState({ phase: 'ready', banner: null });
  await loadSession();
  if (resume && useApp.getState().notes.some((n) => n.id === resume.noteId)) await openNote(resume.noteId);
}

/** Manual lock: save the draft first, then lock. */
export async function lockNow(): Promise<void> {
  await flushDraft();
  await call(api().vault.lock({}));
  onLocked(null);
}

/** Called when main reports the vault locked (any reason). */
export function onLocked(banner: string | null): void {
  if (useApp.getState().phase !== 'ready') return;
  const { draft } = useApp.getState();
  const active = document.activeElement;
  const caret = active instanceof HTMLTextAreaElement ? active.selectionStart : 0;
  wipeForLock(draft?.id ? { noteId: draft.id, caret } : null, banner);
}
