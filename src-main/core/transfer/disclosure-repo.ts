import { disclosure, type Disclosure } from '../../../src-shared/contract/transfer';
import type { RecordStore } from '../records/record-store';

const payload = disclosure.omit({ id: true });

/**
 * The accounting of disclosures (HIPAA §164.528): one `disclosure` record per transfer of care,
 * encrypted like every record, so the receiver's name never sits anywhere in plaintext. The
 * audit trail's entry names only the client's id and this record's id.
 */
export class DisclosureRepo {
  constructor(private readonly store: RecordStore) {}

  add(d: Omit<Disclosure, 'id'>): Disclosure {
    const { id } = this.store.insert('disclosure', payload.parse(d));
    return { id, ...d };
  }

  /** One client's disclosures, newest first; a damaged record is left out (the vault reports it elsewhere). */
  list(clientId: string): Disclosure[] {
    return this.store
      .loadAll<unknown>('disclosure')
      .records.flatMap((r) => {
        const parsed = payload.safeParse(r.payload);
        return parsed.success && parsed.data.clientId === clientId ? [{ id: r.id, ...parsed.data }] : [];
      })
      .sort((a, b) => b.at - a.at);
  }
}
