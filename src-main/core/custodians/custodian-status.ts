import type { CustodiansStatus } from '../../../src-shared/contract/custodians';
import type { UnlockedSession } from '../vault/vault-manager';
import { readCustodians, slotMatches } from './custodians-record';

/**
 * Who holds kits and since when, from the encrypted list, checked against the header's slot: a
 * slot removed or swapped on disk (the kits would no longer open the vault) shows, not hides.
 */
export function custodiansStatus(s: UnlockedSession): CustodiansStatus {
  const record = readCustodians(s.store);
  const slotIntact = slotMatches(record, s.header.custodians);
  if (!record || 'revokedAt' in record) {
    return { named: false, threshold: null, names: [], createdAt: null, revokedAt: record?.revokedAt ?? null, slotIntact };
  }
  return { named: true, threshold: record.slot.threshold, names: record.names, createdAt: record.slot.createdAt, revokedAt: null, slotIntact };
}
