import { disclosure, type Disclosure } from '../../../src-shared/contract/transfer';
import { recordType, type RecordStore } from '../records/record-store';
import type { UnlockedSession } from '../vault/unlocked-session';

const payload = disclosure.omit({ id: true });
const disclosureRecord = recordType('disclosure', payload, 'disclosure record');

/**
 * The accounting of disclosures (HIPAA §164.528): one `disclosure` record per transfer of care,
 * encrypted like every record, so the receiver's name never sits anywhere in plaintext. The
 * audit trail's entry names only the client's id and this record's id.
 */
export class DisclosureRepo {
  constructor(private readonly store: RecordStore) {}

  add(d: Omit<Disclosure, 'id'>): Disclosure {
    const { id } = this.store.insert(disclosureRecord, payload.parse(d));
    return { id, ...d };
  }

  /** One client's disclosures, newest first; a damaged record is left out (the vault reports it elsewhere). */
  list(clientId: string): Disclosure[] {
    return this.store
      .loadAll(disclosureRecord)
      .records.flatMap((r) => (r.payload.clientId === clientId ? [{ id: r.id, ...r.payload }] : []))
      .sort((a, b) => b.at - a.at);
  }
}

/** The accounting of disclosures of one client; NOT_FOUND for a client that is not in the vault. */
export function listDisclosures(s: UnlockedSession, clientId: string): Disclosure[] {
  s.clients.get(clientId);
  return new DisclosureRepo(s.store).list(clientId);
}
