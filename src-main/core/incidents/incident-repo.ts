import { z } from 'zod';
import type { Incident } from '../../../src-shared/contract/incident';
import { VaultError } from '../errors';
import type { RecordStore } from '../records/record-store';

/** The encrypted payload of an incident record (kind 'incident'). */
const storedIncident = z.object({
  date: z.string(),
  whatHappened: z.string(),
  whatWasDone: z.string(),
  createdAt: z.number(),
});

export interface IncidentInput {
  date: string;
  whatHappened: string;
  whatWasDone: string;
}

/** Incident records (e.g. a lost laptop): what happened and what was done, kept in the vault. */
export class IncidentRepo {
  constructor(
    private readonly store: RecordStore,
    private readonly now: () => number,
  ) {}

  /** Newest incident date first. */
  list(): Incident[] {
    const out: Incident[] = [];
    for (const r of this.store.loadAll<unknown>('incident').records) {
      const p = storedIncident.safeParse(r.payload);
      if (p.success) out.push({ id: r.id, ...p.data });
    }
    return out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.createdAt - a.createdAt));
  }

  create(input: IncidentInput): Incident {
    const state = { date: input.date, whatHappened: input.whatHappened.trim(), whatWasDone: input.whatWasDone.trim(), createdAt: this.now() };
    const { id } = this.store.insert('incident', state);
    return { id, ...state };
  }

  get(id: string): Incident {
    const p = storedIncident.safeParse(this.store.get<unknown>(id, 'incident').payload);
    if (!p.success) throw new VaultError('VAULT_CORRUPT', 'This incident record could not be read. Restore it from a backup.');
    return { id, ...p.data };
  }
}
