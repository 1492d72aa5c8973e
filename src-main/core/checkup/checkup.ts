import type { CheckupLine } from '../../../src-shared/contract/checkup';
import type { VaultManager } from '../vault/vault-manager';
import { gatherFacts, type GatherContext } from './gather-facts';
import { tightenPermissions } from './permissions';
import { runRules } from './rules';

/** The Security Checkup's entry points (handlers/checkup.ts). */

/** Every line, in a fixed order: the facts gathered (each failing soft), then one pure rule per line. */
export function runCheckup(ctx: GatherContext): CheckupLine[] {
  return runRules(gatherFacts(ctx));
}

/** Makes the vault folder owner-only. Only the clinician at an unlocked vault may change its folder. */
export function fixPermissions(vault: VaultManager, dataDir: string): { changed: number } {
  vault.unlocked();
  return { changed: tightenPermissions(dataDir) };
}
