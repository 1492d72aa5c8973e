import { z } from 'zod';
import { VaultError } from '../errors';
import { recordType, type RecordStore } from '../records/record-store';
import { custodianSlotSchema, type CustodianSlot } from '../vault/vault-header';

/** A fixed id, like the settings and security records (random ids are 32 hex characters). */
const RECORD_ID = 'custodians';

/**
 * Who holds the kits of the current split, kept encrypted like every record (the header holds
 * only the wrap and the numbers the unlock screen needs), with a copy of the header's slot as it
 * was written: a slot removed, swapped or put back after a revocation no longer matches it.
 * Every split and revocation is a new revision, so who could open the vault stays on record.
 */
const custodiansRecord = z.union([
  z.object({ names: z.array(z.string().min(1).max(200)).min(2), slot: custodianSlotSchema }),
  z.object({ revokedAt: z.number() }),
]);
export type CustodiansRecord = z.infer<typeof custodiansRecord>;
const custodiansType = recordType('custodians', custodiansRecord, 'list of records custodians');

/** The current revision; null when none was ever made. A damaged record reads as VAULT_CORRUPT. */
export function readCustodians(store: RecordStore): CustodiansRecord | null {
  try {
    return store.get(RECORD_ID, custodiansType).payload;
  } catch (error) {
    if (error instanceof VaultError && error.code === 'NOT_FOUND') return null;
    if (error instanceof VaultError && error.code === 'VAULT_CORRUPT') throw new VaultError('VAULT_CORRUPT', 'The list of records custodians is damaged. Make new custodian kits.');
    throw error;
  }
}

/** The header's slot is exactly the one the record says was written (or absent when none should be). */
export function slotMatches(record: CustodiansRecord | null, slot: CustodianSlot | undefined): boolean {
  const expected = record && 'slot' in record ? record.slot : undefined;
  if (!expected || !slot) return expected === slot;
  return (
    expected.splitId === slot.splitId &&
    expected.threshold === slot.threshold &&
    expected.shares === slot.shares &&
    expected.createdAt === slot.createdAt &&
    expected.wrapped.nonce === slot.wrapped.nonce &&
    expected.wrapped.ciphertext === slot.wrapped.ciphertext
  );
}

export function writeCustodians(store: RecordStore, next: CustodiansRecord): void {
  store.put(RECORD_ID, custodiansType, next);
}
