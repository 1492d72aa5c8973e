import { z } from 'zod';
import { clientStatus, type Client, type ClientStatus, type ClientSummary } from '../../../src-shared/contract/clients';
import type { ParsedInput } from '../../../src-shared/ipc';
import { VaultError } from '../errors';
import { recordType, type RecordStore } from '../records/record-store';

/** The encrypted payload of a client record. New fields must be optional (old records lack them). */
const storedClient = z.object({
  displayName: z.string(),
  dateOfBirth: z.string().optional(),
  status: clientStatus,
  intakeDate: z.string().optional(),
  notes: z.string(),
  archivedAt: z.number().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
type ClientState = z.output<typeof storedClient>;

/** Client records (kind 'client'). */
export const clientRecord = recordType('client', storedClient, 'client');

export type ClientInput = ParsedInput<'clients.create'>;
export type ClientPatch = ParsedInput<'clients.update'>;

/** Latest date of service per client id, derived from notes. */
export type LastContacts = ReadonlyMap<string, string>;

/**
 * Clients over the record store. A practice has hundreds, not thousands, so all of them are
 * decrypted at unlock and held here until lock.
 */
export class ClientsRepo {
  private readonly clients = new Map<string, { rev: number; state: ClientState }>();
  readonly damaged: string[];

  constructor(
    private readonly store: RecordStore,
    private readonly now: () => number,
    /** Called after a client's display name changed (their notes are searched by it). */
    private readonly onRename: (clientId: string) => void,
    /** Latest date of service per client, from the notes (derived at read time, never stored). */
    private readonly lastContacts: () => LastContacts,
  ) {
    const { records, damaged } = store.loadAll(clientRecord);
    this.damaged = damaged;
    for (const r of records) this.clients.set(r.id, { rev: r.rev, state: r.payload });
  }

  /** Every client's display name, for the unlock cache (a rename since then re-indexes their notes). */
  names(): [string, string][] {
    return [...this.clients].map(([id, c]) => [id, c.state.displayName]);
  }

  /** The name notes and search show for a client; undefined when there is no such client. */
  nameOf(id: string): string | undefined {
    return this.clients.get(id)?.state.displayName;
  }

  list(filter: { includeArchived: boolean; status?: ClientStatus }): ClientSummary[] {
    const lastContacts = this.lastContacts();
    return [...this.clients.entries()]
      .filter(([, c]) => (filter.includeArchived || c.state.archivedAt === undefined) && (!filter.status || c.state.status === filter.status))
      .map(([id, c]) => summarize(id, c.rev, c.state, lastContacts.get(id)))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, undefined, { sensitivity: 'base', numeric: true }));
  }

  get(id: string): Client {
    const c = this.current(id);
    return { ...summarize(id, c.rev, c.state, this.lastContacts().get(id)), notes: c.state.notes };
  }

  create(input: ClientInput): { id: string; rev: number } {
    const t = this.now();
    const state: ClientState = { ...input, displayName: input.displayName.trim(), createdAt: t, updatedAt: t };
    const { id, rev } = this.store.insert(clientRecord, state);
    this.clients.set(id, { rev, state });
    return { id, rev };
  }

  update(patch: ClientPatch): { id: string; rev: number } {
    const c = this.current(patch.id);
    const next: ClientState = {
      ...c.state,
      ...(patch.displayName !== undefined ? { displayName: patch.displayName.trim() } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
      dateOfBirth: patch.dateOfBirth === undefined ? c.state.dateOfBirth : (patch.dateOfBirth ?? undefined),
      intakeDate: patch.intakeDate === undefined ? c.state.intakeDate : (patch.intakeDate ?? undefined),
      updatedAt: this.now(),
    };
    const rev = this.write(patch.id, patch.baseRev, next);
    if (next.displayName !== c.state.displayName) this.onRename(patch.id);
    return { id: patch.id, rev };
  }

  /** Hides a client from the default list; nothing is deleted. Archiving twice changes nothing. */
  archive(id: string): { id: string; rev: number; archivedAt: number } {
    const c = this.current(id);
    if (c.state.archivedAt !== undefined) return { id, rev: c.rev, archivedAt: c.state.archivedAt };
    const t = this.now();
    const rev = this.write(id, c.rev, { ...c.state, archivedAt: t, updatedAt: t });
    return { id, rev, archivedAt: t };
  }

  unarchive(id: string): { id: string; rev: number } {
    const c = this.current(id);
    if (c.state.archivedAt === undefined) return { id, rev: c.rev };
    const { archivedAt: _dropped, ...rest } = c.state;
    return { id, rev: this.write(id, c.rev, { ...rest, updatedAt: this.now() }) };
  }

  /** NOT_FOUND unless the client exists (for records that belong to one, e.g. consents). */
  assertExists(id: string): void {
    this.current(id);
  }

  /** Drops a client whose record was deleted for good (retention purge). */
  forget(id: string): void {
    this.clients.delete(id);
  }

  clear(): void {
    this.clients.clear();
  }

  private current(id: string): { rev: number; state: ClientState } {
    const c = this.clients.get(id);
    if (!c) throw new VaultError('NOT_FOUND', 'That client does not exist.');
    return c;
  }

  private write(id: string, baseRev: number, state: ClientState): number {
    let rev: number;
    try {
      rev = this.store.update(id, clientRecord, baseRev, state);
    } catch (e) {
      if (e instanceof VaultError && e.code === 'CONFLICT') {
        throw new VaultError('CONFLICT', "This client's details were changed elsewhere since you opened them. Reload and try again.");
      }
      throw e;
    }
    this.clients.set(id, { rev, state });
    return rev;
  }
}

function summarize(id: string, rev: number, s: ClientState, lastContactDate: string | undefined): ClientSummary {
  return {
    id,
    rev,
    displayName: s.displayName,
    status: s.status,
    ...(s.dateOfBirth ? { dateOfBirth: s.dateOfBirth } : {}),
    ...(s.intakeDate ? { intakeDate: s.intakeDate } : {}),
    ...(lastContactDate ? { lastContactDate } : {}),
    ...(s.archivedAt !== undefined ? { archivedAt: s.archivedAt } : {}),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
