import { z } from 'zod';
import type { Incident } from '../../../src-shared/contract/incident';
import type { ParsedInput } from '../../../src-shared/ipc';
import { recordType, type RecordStore } from '../records/record-store';
import { exportIncident } from './incident-export';

/** The encrypted payload of an incident record (kind 'incident'). */
const storedIncident = z.object({
  date: z.string(),
  whatHappened: z.string(),
  whatWasDone: z.string(),
  createdAt: z.number(),
});

/** Incident records (kind 'incident'). */
export const incidentRecord = recordType('incident', storedIncident, 'incident record');

export type IncidentInput = ParsedInput<'incident.create'>;

/** Incident records (e.g. a lost laptop): what happened and what was done, kept in the vault. */
export class IncidentRepo {
  constructor(
    private readonly store: RecordStore,
    private readonly now: () => number,
  ) {}

  /** Newest incident date first; records that cannot be read are left out (the store counts them as damage). */
  list(): Incident[] {
    return this.store
      .loadAll(incidentRecord)
      .records.map((r) => ({ id: r.id, ...r.payload }))
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.createdAt - a.createdAt));
  }

  create(input: IncidentInput): Incident {
    const state = { date: input.date, whatHappened: input.whatHappened.trim(), whatWasDone: input.whatWasDone.trim(), createdAt: this.now() };
    const { id } = this.store.insert(incidentRecord, state);
    return { id, ...state };
  }

  get(id: string): Incident {
    return { id, ...this.store.get(id, incidentRecord).payload };
  }

  /** Writes the record as a new HTML file in `dir`; returns where. */
  export(id: string, dir: string): { path: string } {
    return { path: exportIncident(this.get(id), dir, this.now()) };
  }
}
