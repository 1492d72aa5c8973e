import { z } from 'zod';
import type { Note, NoteSummary } from '../../src-shared/contract/notes';
import type { RecordStore } from './record-store';

/** The encrypted payload of a note record. New fields must be optional (old records lack them). */
const notePayload = z.object({
  title: z.string(),
  body: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
type NotePayload = z.infer<typeof notePayload>;

/**
 * Notes over the record store, with an in-memory list of summaries built at unlock so the
 * list never re-decrypts the vault. Dropped with the session at lock.
 */
export class NotesRepo {
  private readonly summaries = new Map<string, NoteSummary>();
  readonly damaged: string[];

  constructor(
    private readonly store: RecordStore,
    private readonly now: () => number,
  ) {
    const { records, damaged } = store.loadAll<unknown>('note');
    this.damaged = damaged;
    for (const r of records) {
      const p = notePayload.safeParse(r.payload);
      if (p.success) this.summaries.set(r.id, summarize(r.id, r.rev, p.data));
      else this.damaged.push(r.id);
    }
  }

  list(): NoteSummary[] {
    return [...this.summaries.values()].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  get(id: string): Note {
    const r = this.store.get<unknown>(id, 'note');
    const p = notePayload.parse(r.payload);
    return { id, rev: r.rev, title: p.title, body: p.body, createdAt: p.createdAt, updatedAt: p.updatedAt };
  }

  create(input: { title: string; body: string }): { id: string; rev: number } {
    const t = this.now();
    const payload: NotePayload = { title: input.title, body: input.body, createdAt: t, updatedAt: t };
    const { id, rev } = this.store.insert('note', payload);
    this.summaries.set(id, summarize(id, rev, payload));
    return { id, rev };
  }

  update(input: { id: string; baseRev: number; title: string; body: string }): { id: string; rev: number } {
    const current = notePayload.parse(this.store.get<unknown>(input.id, 'note').payload);
    const payload: NotePayload = { ...current, title: input.title, body: input.body, updatedAt: this.now() };
    const rev = this.store.update(input.id, 'note', input.baseRev, payload);
    this.summaries.set(input.id, summarize(input.id, rev, payload));
    return { id: input.id, rev };
  }

  clear(): void {
    this.summaries.clear();
  }
}

function summarize(id: string, rev: number, p: NotePayload): NoteSummary {
  return { id, rev, title: p.title, updatedAt: p.updatedAt };
}
