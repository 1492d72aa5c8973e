import type { Measure } from '../../../src-shared/contract/measures';
import type { ParsedInput } from '../../../src-shared/ipc';
import type { ClientsRepo } from '../clients/clients-repo';
import { VaultError } from '../errors';
import type { NotesRepo } from '../notes/notes-repo';
import type { RecordStore } from '../records/record-store';
import { measureRecord, toMeasure, type StoredMeasure } from './measure-record';

type AddInput = ParsedInput<'measures.add'>;
type UpdateInput = ParsedInput<'measures.update'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An entry without the keys that say where it goes. */
type Entry = DistributiveOmit<AddInput, 'clientId'>;

/** The checks a linked note must pass: it exists, it is this client's, and it is part of the record. */
export interface NoteLinks {
  /** The note's client (undefined for a note without one) and whether it is a psychotherapy note; null when there is no such note. */
  noteOwner(noteId: string): { clientId: string | undefined; psychotherapy: boolean } | null;
}

export function noteLinksFrom(notes: Pick<NotesRepo, 'meta'>): NoteLinks {
  return {
    noteOwner: (id) => {
      const meta = notes.meta(id);
      return meta ? { clientId: meta.clientId, psychotherapy: meta.isPsychotherapy } : null;
    },
  };
}

/**
 * Measures given to clients (kind 'measure'): one record per administration, every edit a new
 * revision. Scoring happens on read (measure-record.ts). Lives for one unlocked session.
 */
export class MeasureRepo {
  /**
   * Whose each measure is: one pass over every measure when first needed, then kept up to date
   * by add. A client's list decrypts only that client's measures (~0.45 s less per client record
   * with 12,000 measures, a 10-year practice).
   */
  private owners: Map<string, string> | null = null;

  constructor(
    private readonly store: RecordStore,
    private readonly now: () => number,
    /** A measure belongs to a client who exists (NOT_FOUND otherwise, e.g. after a purge). */
    private readonly clients: Pick<ClientsRepo, 'assertExists'>,
    private readonly notes: NoteLinks,
  ) {}

  /** Every measure of a client, oldest date first (then order of entry). Unreadable records are left out (the store counts them as damage). */
  list(clientId: string): Measure[] {
    this.clients.assertExists(clientId);
    const owners = this.ownerIndex();
    const out: Measure[] = [];
    for (const [id, owner] of owners) {
      if (owner !== clientId) continue;
      try {
        const r = this.store.get(id, measureRecord);
        out.push(toMeasure(id, r.rev, r.payload));
      } catch (error) {
        // Purged since (retention): forget it. Damaged since: left out, as loadAll does.
        if (!(error instanceof VaultError)) throw error;
        if (error.code === 'NOT_FOUND') owners.delete(id);
      }
    }
    return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt - b.createdAt));
  }

  /** The ids of a client's measures (for a purge). */
  idsOf(clientId: string): string[] {
    return [...this.ownerIndex()].filter(([, owner]) => owner === clientId).map(([id]) => id);
  }

  add(input: AddInput): Measure {
    this.clients.assertExists(input.clientId);
    const t = this.now();
    const state: StoredMeasure = { clientId: input.clientId, ...this.entry(input.clientId, input), createdAt: t, updatedAt: t };
    const { id, rev } = this.store.insert(measureRecord, state);
    this.ownerIndex().set(id, input.clientId);
    return toMeasure(id, rev, state);
  }

  update(input: UpdateInput): Measure {
    const current = this.store.get(input.id, measureRecord);
    if (current.payload.instrument !== input.instrument) {
      throw new VaultError('INVALID_INPUT', 'A measure keeps its instrument: add a new one instead.');
    }
    const { id, baseRev, ...entry } = input;
    const { clientId, createdAt } = current.payload;
    const state: StoredMeasure = { clientId, ...this.entry(clientId, entry), createdAt, updatedAt: this.now() };
    const rev = this.store.update(id, measureRecord, baseRev, state);
    return toMeasure(id, rev, state);
  }

  private ownerIndex(): Map<string, string> {
    this.owners ??= new Map(this.store.loadAll(measureRecord).records.map((r) => [r.id, r.payload.clientId]));
    return this.owners;
  }

  /** What is stored of an entry: only the fields of its instrument. */
  private entry(clientId: string, e: Entry): Omit<StoredMeasure, 'clientId' | 'createdAt' | 'updatedAt'> {
    if (e.noteId !== undefined) {
      const owner = this.notes.noteOwner(e.noteId);
      if (owner === null) throw new VaultError('NOT_FOUND', 'That note does not exist.');
      if (owner.clientId !== clientId) throw new VaultError('INVALID_INPUT', "Invalid noteId: link a note of this client's.");
      // A measure is part of the record; psychotherapy notes are kept apart from it.
      if (owner.psychotherapy) throw new VaultError('INVALID_INPUT', 'Invalid noteId: link a session note of the record, not a psychotherapy note.');
    }
    const link = { date: e.date, ...(e.noteId !== undefined ? { noteId: e.noteId } : {}) };
    switch (e.instrument) {
      case 'phq9':
        return { ...link, instrument: 'phq9', items: e.items, ...(e.difficulty !== undefined ? { difficulty: e.difficulty } : {}) };
      case 'gad7':
        return { ...link, instrument: 'gad7', items: e.items };
      case 'custom':
        return { ...link, instrument: 'custom', custom: { ...e.custom, name: e.custom.name.trim() }, score: e.score };
    }
  }
}
