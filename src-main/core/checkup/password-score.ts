import type { VaultManager } from '../vault/vault-manager';
import { ratePassword } from '../vault/password-policy';
import { readSecurityFacts, updateSecurityFacts } from './security-record';

/**
 * Keeps the password's strength score for the Security Checkup, never the password. `set`
 * (create, change) always rates; an unlock rates only while no score is kept, since rating
 * costs up to a second on this thread and the password itself changes only through `set`.
 * Never throws: the checkup then shows the score as not known, and the vault call succeeds.
 */
export async function notePasswordScore(vault: VaultManager, password: string, now: number, when: 'set' | 'unlocked'): Promise<void> {
  try {
    if (when === 'unlocked' && readSecurityFacts(vault.unlocked().store).passwordScore !== undefined) return;
    const { score } = await ratePassword(password);
    // The session again after the wait: one locked meanwhile has zeroed its keys (VAULT_LOCKED, ignored).
    updateSecurityFacts(vault.unlocked().store, { passwordScore: score, passwordRatedAt: now });
  } catch {
    // Not known is an honest answer; a failed unlock over it would not be.
  }
}
