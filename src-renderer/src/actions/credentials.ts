import type { ChosenPlace, Output } from '../../../src-shared/ipc';
import { api, call } from './bridge';
import type { RecoveryKit } from '../store';
import { useApp } from '../store';

/** The chosen key file's handle is sent only when the vault uses one and the user chose it. */
function withKeyFile<T extends object>(input: T, keyFile: ChosenPlace | null): T & { keyFile?: string } {
  return useApp.getState().hasKeyFile && keyFile ? { ...input, keyFile: keyFile.handle } : input;
}

/** Main rates a password with the same rule that accepts or rejects it. */
export async function ratePassword(password: string): Promise<Output<'vault.checkPassword'> | null> {
  const res = await api().vault.checkPassword({ password });
  return res.ok ? res.value : null;
}

export async function changePassword(current: string, next: string, keyFile: ChosenPlace | null): Promise<void> {
  await call(api().vault.changePassword(withKeyFile({ current, next }, keyFile)));
}

/** A new Recovery Key, shown once; the old one stops working at once. */
export async function rotateRecoveryKey(password: string, keyFile: ChosenPlace | null): Promise<RecoveryKit> {
  const res = await call(api().vault.rotateRecoveryKey(withKeyFile({ password }, keyFile)));
  const status = await call(api().vault.status({}));
  return { recoveryKey: res.recoveryKey, createdAt: res.createdAt, vaultId: status.vaultId ?? '' };
}

/** The user typed back a group: the Security Checkup counts this Recovery Key as stored. */
export async function confirmRecoveryKit(): Promise<void> {
  await call(api().vault.confirmRecoveryKit({}));
  useApp.setState({ recoveryKitPending: false });
}

/** Adds a key file as a second factor; from now on the password opens the vault only with it. */
export async function addKeyFile(password: string, keyFile: ChosenPlace): Promise<void> {
  await call(api().vault.addKeyFile({ password, keyFile: keyFile.handle }));
  useApp.setState({ hasKeyFile: true });
}
