import type { CustodianKit } from '../../../src-shared/contract/custodians';
import type { ChosenPlace } from '../../../src-shared/ipc';
import { api, call } from './bridge';
import { useApp } from '../store';

/** The custodian kits just made: shown once, never fetched again. */
export interface MadeKits {
  vaultId: string;
  createdAt: number;
  threshold: number;
  kits: CustodianKit[];
}

export function custodiansStatus() {
  return call(api().custodians.status({}));
}

/** The chosen key file's handle is sent only when the vault uses one and the user chose it. */
function withKeyFile<T extends object>(input: T, keyFile: ChosenPlace | null): T & { keyFile?: string } {
  return useApp.getState().hasKeyFile && keyFile ? { ...input, keyFile: keyFile.handle } : input;
}

/** A new split: the old kits stop working; the new shares come back once, for printing. */
export async function nameCustodians(password: string, keyFile: ChosenPlace | null, names: string[], threshold: number): Promise<MadeKits> {
  const made = await call(api().custodians.name(withKeyFile({ password, names, threshold }, keyFile)));
  useApp.setState({ custodians: { threshold, shares: names.length } });
  return made;
}

export async function revokeCustodians(password: string, keyFile: ChosenPlace | null): Promise<void> {
  await call(api().custodians.revoke(withKeyFile({ password }, keyFile)));
  useApp.setState({ custodians: null });
}
