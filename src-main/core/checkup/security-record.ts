import { z } from 'zod';
import { VaultError } from '../errors';
import { recordType, type RecordStore } from '../records/record-store';
import type { UnlockedSession } from '../vault/unlocked-session';

/** A fixed id, like the settings record: random ids are 32 hex characters, so no clash. */
export const SECURITY_RECORD_ID = 'security';

/**
 * Facts for the Security Checkup that only exist while someone types a secret: the password's
 * strength score (0–4, never the password) and which Recovery Key the user confirmed storing.
 * Encrypted like every record, since even a weak score tells an attacker where to start.
 */
const securityFacts = z.object({
  passwordScore: z.number().int().min(0).max(4).optional(),
  passwordRatedAt: z.number().optional(),
  /** `recoveryCreatedAt` of the key whose kit was confirmed; a rotation makes it stale. */
  recoveryKitConfirmedFor: z.number().optional(),
});
export type SecurityFacts = z.output<typeof securityFacts>;

/** The security facts record (kind 'security'). */
const securityRecord = recordType('security', securityFacts, 'security record');

export function readSecurityFacts(store: RecordStore): SecurityFacts {
  try {
    return store.get(SECURITY_RECORD_ID, securityRecord).payload;
  } catch (error) {
    // None yet, or damaged: the checkup then says "not known" rather than failing.
    if (error instanceof VaultError && (error.code === 'NOT_FOUND' || error.code === 'VAULT_CORRUPT')) return {};
    throw error;
  }
}

/** The user confirmed storing the kit of the current Recovery Key (a rotation makes an old confirmation stale). */
export function recoveryKitConfirmed(session: { store: RecordStore; header: { recoveryCreatedAt: number } }): boolean {
  return readSecurityFacts(session.store).recoveryKitConfirmedFor === session.header.recoveryCreatedAt;
}

/** Writes a new revision only when something changed, so an unlock with the same password writes nothing. */
export function updateSecurityFacts(store: RecordStore, patch: SecurityFacts): void {
  const current = readSecurityFacts(store);
  const next = { ...current, ...patch };
  const changed = (Object.keys(patch) as (keyof SecurityFacts)[]).some((k) => k !== 'passwordRatedAt' && current[k] !== next[k]);
  if (!changed) return;
  let rev: number | null = null;
  try {
    rev = store.head(SECURITY_RECORD_ID, securityRecord).rev;
  } catch (error) {
    if (!(error instanceof VaultError && error.code === 'NOT_FOUND')) throw error;
  }
  if (rev === null) store.insert(securityRecord, next, SECURITY_RECORD_ID);
  else store.update(SECURITY_RECORD_ID, securityRecord, rev, next);
}

/** The clinician confirmed storing the current Recovery Kit; rotating the key makes this stale again. */
export function confirmRecoveryKit(session: UnlockedSession): void {
  updateSecurityFacts(session.store, { recoveryKitConfirmedFor: session.header.recoveryCreatedAt });
}
