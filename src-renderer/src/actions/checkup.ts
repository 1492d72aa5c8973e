import type { CheckupLine } from '../../../src-shared/contract/checkup';
import { api, call } from './bridge';

export function runCheckup(): Promise<CheckupLine[]> {
  return call(api().checkup.run({}));
}

/** Tightens the vault folder to owner-only; returns how many entries changed. */
export async function fixPermissions(): Promise<number> {
  return (await call(api().checkup.fixPermissions({}))).changed;
}
