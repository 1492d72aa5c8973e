import { amendableParts, byServiceDateDesc, type Addendum, type Note, type NoteSummary, type RevisionInfo, type SessionHeader } from '../../../src-shared/contract/notes';
import type { Signer } from '../../../src-shared/contract/profile';
import type { ParsedInput } from '../../../src-shared/ipc';
import { NOTE_KIND_INFO, type NoteKind } from '../../../src-shared/templates';
import { sha256Hex } from '../crypto/digest';
import { randomBytes, toHex } from '../crypto/sodium';
import { VaultError } from '../errors';
import {
  assertFieldsFit,
  localIsoDate,
  metaOf,
  noteRecord,
  noteState,
  sameContent,
  summaryOf,
  toDoc,
  toMeta,
  toNote,
  toSummary,
  type NoteListEntry,
  type NoteMeta,
  type NoteState,
} from './note-record';
import { fingerprintEntry, type RecordStore } from '../records/record-store';
import type { NoteDoc, SearchIndex } from '../search/search-index';

/** Where notes look up client names (and whether a client exists). */
export interface ClientNames {
  nameOf(id: string): string | undefined;
}

/** Notes read per turn of the event loop after an unlock without the cache (~5 ms, and as long to index). */
const INDEX_PAGE = 100;
/** Hex characters of a record nonce (24 bytes). */
const NONCE_HEX = 48;
/** In `CachedNotes.nonces`, an entry that did not match its record when sealed: never equal to a nonce. */
const UNTRUSTED = '-'.repeat(NONCE_HEX);

/** The notes as the sealed unlock cache keeps them: each entry trusted only while its record is unchanged. */
export interface CachedNotes {
  /** List entries, in id order (as `RecordStore.fingerprints` gave them when sealed). */
  metas: NoteMeta[];
  /** The nonce (hex) of the record revision each entry was made from, 48 characters each, in the same order. */
  nonces: string;
  /** SHA-256 of these entries' `RecordStore.fingerprintList`, as an unchanged vault gives it; null when any entry is untrusted. */
  fingerprint: string | null;
}

/** What an earlier session left in the unlock cache (unlock-cache.ts), already authenticated. */
interface NotesCache extends CachedNotes {
  /** The client names the index was built with. */
  clientNames: ReadonlyMap<string, string>;
}

export type NoteCreate = ParsedInput<'notes.create'>;
export type NotePatch = ParsedInput<'notes.update'>;

type Saved = { id: string; rev: number };

/**
 * Clinical notes over the record store. Every save is a new encrypted revision; signed notes
 * never change again except by appended addenda. Summaries are held in memory while unlocked
 * (listing never decrypts) and the search index follows every save.
 */
export class NotesRepo {
  private readonly metas = new Map<string, NoteMeta>();
  /** Notes whose record failed to open or read at unlock: counted, never shown. */
  readonly damaged: string[] = [];
  /** Notes the sealed audit trail saw signed that read unsigned now: listed as damaged, never opened for editing. */
  private readonly rolledBack = new Set<string>();
  /** The unlock cache did not match the vault in one comparison: seal it again at lock, so the next unlock does. */
  cacheOutdated = false;
  /** Notes listed from their summaries whose text is not read yet (`indexNextPage`), and the id it goes on after. */
  private readonly unindexed = new Set<string>();
  private readAfter: string | null = null;
  /** Notes whose list entry changed since the summaries were last written (see `writeSummaries`). */
  private readonly unsummarized = new Set<string>();

  constructor(
    private readonly store: RecordStore,
    private readonly now: () => number,
    private readonly index: SearchIndex,
    private readonly clients: ClientNames,
    cache: NotesCache | null = null,
  ) {
    if (!cache) {
      this.listFromSummaries();
      // The text is read after the unlock returns, a page per turn (a search reads the rest first).
      index.indexInBackground(() => this.indexNextPage());
      return;
    }
    this.reconcile(cache);
    index.onLost(() => this.reindexAll());
  }

  /**
   * Without the unlock cache (the first unlock after a restore): lists every note from its sealed
   * summary, reading no note text. A note without a usable summary (sealed before summaries
   * existed, or one that fails to open) is read whole now, and its summary written for next time.
   */
  private listFromSummaries(): void {
    const whole: string[] = [];
    this.store.summaries(noteRecord, (id, rev, entry) => {
      if (!entry) return void whole.push(id);
      this.metas.set(id, metaOf(id, rev, entry));
      this.unindexed.add(id);
    });
    for (const id of whole) {
      try {
        const { rev, state } = this.read(id);
        this.remember(id, rev, state);
      } catch {
        this.damaged.push(id); // Fails to open or to read: counted as damage, never listed.
      }
    }
    this.writeSummaries();
  }

  /**
   * Seals the list entry of every note saved (or read whole) since the last call beside its
   * current revision: at lock, and at an unlock that read notes whole. Not at each save: an
   * autosave then writes one row, not two. Never throws (a read-only or full disk): a note
   * without a current summary is read whole at the next unlock without the cache, and then summarized.
   */
  writeSummaries(): void {
    const summaries: { id: string; rev: number; summary: NoteListEntry }[] = [];
    for (const id of this.unsummarized) {
      const meta = this.metas.get(id);
      if (meta) summaries.push({ id, rev: meta.rev, summary: summaryOf(meta) });
    }
    try {
      this.store.writeSummaries(noteRecord, summaries);
      this.unsummarized.clear();
    } catch {
      // Kept for the next try (the next lock).
    }
  }

  /**
   * Reads the next notes listed from their summaries: each is checked to open (one that does not
   * leaves the list as damaged) and its text put in the index. False once every one was read.
   */
  private indexNextPage(): boolean {
    if (this.unindexed.size === 0) return false;
    const { damaged, last } = this.store.page(noteRecord, this.readAfter, INDEX_PAGE, (r) => {
      // Not waiting: saved since (already put), deleted since, or read whole at unlock.
      if (!this.unindexed.delete(r.id)) return;
      const state = noteState(r.payload, r.rev);
      if (state.trashedAt === undefined && !this.rolledBack.has(r.id)) this.index.put(toDoc(r.id, state), this.nameOf(state.clientId));
    });
    for (const id of damaged) {
      if (!this.unindexed.delete(id)) continue;
      this.metas.delete(id);
      this.index.remove(id);
      this.damaged.push(id);
    }
    if (last === null) this.unindexed.clear(); // Read to the end: any left were deleted meanwhile.
    this.readAfter = last;
    return last !== null;
  }

  /**
   * Takes the cached list entries and index of every note whose current record is the very one
   * they were made from (same revision, same nonce: a swapped, rolled back or rewritten row has
   * another), and decrypts only the rest: notes changed since, and notes of renamed clients.
   */
  private reconcile(cache: NotesCache): void {
    const stale: string[] = [];
    const sameName = (m: NoteMeta) => !m.clientId || cache.clientNames.get(m.clientId) === this.nameOf(m.clientId);
    if (cache.fingerprint !== null && sha256Hex(this.store.fingerprintList(noteRecord) ?? '') === cache.fingerprint) {
      // The usual case, nothing changed while locked: every (id, revision, nonce) is the same, in one comparison.
      for (const m of cache.metas) {
        if (sameName(m)) this.metas.set(m.id, m);
        else stale.push(m.id);
      }
    } else {
      this.cacheOutdated = true;
      const cached = new Map(cache.metas.map((m, i) => [m.id, i]));
      for (const { id, rev, nonce } of this.store.fingerprints(noteRecord)) {
        const i = cached.get(id);
        const m = i === undefined ? undefined : cache.metas[i];
        if (m && m.rev === rev && nonce && cache.nonces.slice(i! * NONCE_HEX, (i! + 1) * NONCE_HEX) === nonce && sameName(m)) this.metas.set(id, m);
        else stale.push(id);
      }
    }
    this.index.batch(() => {
      // The cached index holds only cached notes: drop those not trusted (deleted, changed).
      for (const { id } of cache.metas) if (!this.metas.has(id)) this.index.remove(id);
      for (const id of stale) {
        try {
          const r = this.store.get(id, noteRecord);
          this.remember(id, r.rev, noteState(r.payload, r.rev));
        } catch {
          // Fails to open or to read: counted as damage, and never searchable.
          this.index.remove(id);
          this.damaged.push(id);
        }
      }
    });
  }

  /** The kept index failed to open (a damaged cache): every listed note is indexed again, from its record. */
  private reindexAll(): void {
    this.store.forEach(
      noteRecord,
      (r) => {
        if (!this.metas.has(r.id) || this.rolledBack.has(r.id)) return;
        const state = noteState(r.payload, r.rev);
        if (state.trashedAt === undefined) this.index.put(toDoc(r.id, state), this.nameOf(state.clientId));
      },
      { mapped: true },
    );
  }

  /**
   * Cross-check at unlock: a note the sealed audit trail saw signed but whose current revision is
   * unsigned had its newest revisions deleted and its head moved back. It stays listed, marked
   * damaged, leaves search, and never opens as an editable draft.
   */
  markRolledBack(signedByTrail: ReadonlySet<string>): void {
    for (const id of signedByTrail) {
      const meta = this.metas.get(id);
      if (!meta || meta.signed) continue;
      this.rolledBack.add(id);
      this.index.remove(id);
    }
  }

  /** Every list entry with the nonce of the record it was made from, for the unlock cache. */
  cacheEntries(): CachedNotes {
    const metas: NoteMeta[] = [];
    const nonces: string[] = [];
    const fingerprints: string[] = [];
    let trusted = true;
    for (const { id, rev, nonce } of this.store.fingerprints(noteRecord)) {
      const meta = this.metas.get(id);
      if (!meta) continue;
      // Every indexed note is listed (the next unlock drops what it does not trust); an entry
      // that does not match its record gets no nonce, so it is never trusted.
      const matches = meta.rev === rev && nonce !== null && nonce.length === NONCE_HEX;
      metas.push(meta);
      nonces.push(matches ? nonce : UNTRUSTED);
      fingerprints.push(fingerprintEntry(id, rev, nonce ?? ''));
      trusted &&= matches;
    }
    return { metas, nonces: nonces.join(''), fingerprint: trusted ? sha256Hex(fingerprints.join(',')) : null };
  }

  /** The list entry of a note, undefined when there is none (deleted, or damaged). */
  meta(id: string): NoteMeta | undefined {
    return this.metas.get(id);
  }

  /** The searchable text of a note's current revision, decrypted on demand (snippets). */
  docOf(id: string): NoteDoc {
    const { state } = this.read(id);
    return toDoc(id, state);
  }

  /**
   * A client was renamed: their notes are found under the new name. A rolled-back note stays out
   * of the index, as at unlock; so does a note that no longer opens, and the rename goes on.
   */
  reindexClient(clientId: string): void {
    this.index.batch(() => {
      for (const m of this.metas.values()) {
        if (m.clientId !== clientId || m.trashedAt !== undefined || this.rolledBack.has(m.id)) continue;
        try {
          const { rev, state } = this.read(m.id);
          this.remember(m.id, rev, state);
        } catch {
          this.index.remove(m.id);
        }
      }
    });
  }

  list(filter: { clientId?: string; kind?: NoteKind; includeTrashed: boolean }): NoteSummary[] {
    return [...this.metas.values()]
      .filter((m) => (filter.includeTrashed || m.trashedAt === undefined) && (!filter.clientId || m.clientId === filter.clientId))
      .filter((m) => !filter.kind || m.kind === filter.kind)
      .sort(byServiceDateDesc)
      .map((m) => {
        const summary = toSummary(m, this.nameOf(m.clientId));
        return this.rolledBack.has(m.id) ? { ...summary, damage: 'signed-version-missing' as const } : summary;
      });
  }

  /** Latest date of service per client, over notes not in the trash. */
  lastContacts(): Map<string, string> {
    const out = new Map<string, string>();
    for (const m of this.metas.values()) {
      if (!m.clientId || m.trashedAt !== undefined) continue;
      const seen = out.get(m.clientId);
      if (!seen || m.serviceDate > seen) out.set(m.clientId, m.serviceDate);
    }
    return out;
  }

  get(id: string): Note {
    const { rev, state } = this.read(id);
    return toNote(id, rev, state, this.nameOf(state.clientId));
  }

  getRevision(id: string, rev: number): Note {
    if (!this.store.revisions(id, noteRecord).includes(rev)) {
      throw new VaultError('NOT_FOUND', 'That version of the note does not exist.');
    }
    const state = noteState(this.store.getRevision(id, noteRecord, rev).payload, rev);
    return toNote(id, rev, state, this.nameOf(state.clientId));
  }

  /** Every revision, oldest first. */
  history(id: string): RevisionInfo[] {
    return this.store.revisions(id, noteRecord).map((rev) => {
      const s = noteState(this.store.getRevision(id, noteRecord, rev).payload, rev);
      return { rev, updatedAt: s.updatedAt, title: s.title, signed: s.signedAt !== undefined, trashed: s.trashedAt !== undefined, change: s.change };
    });
  }

  /** Returns the new note's list entry (what the list shows), so a save needs no read-back. */
  create(input: NoteCreate): NoteSummary {
    const t = this.now();
    const state: NoteState = {
      title: input.title,
      body: input.body,
      createdAt: t,
      updatedAt: t,
      ...(input.clientId ? { clientId: input.clientId } : {}),
      kind: input.kind,
      templateId: input.templateId ?? NOTE_KIND_INFO[input.kind].defaultTemplate,
      fields: input.fields,
      session: input.session ?? { serviceDate: localIsoDate(t), riskFlags: [] },
      addenda: [],
      change: 'created',
    };
    this.assertValid(state);
    const { id, rev } = this.store.insert(noteRecord, state);
    this.remember(id, rev, state);
    return this.summary(id);
  }

  /** Saves a new revision; unchanged content saves nothing and keeps baseRev. Returns the list entry. */
  update(patch: NotePatch): NoteSummary {
    const { rev, state } = this.read(patch.id);
    this.assertWritable(state);
    const { clientId: _old, ...rest } = state;
    const clientId = patch.clientId === undefined ? state.clientId : (patch.clientId ?? undefined);
    const kind = patch.kind ?? state.kind;
    const next: NoteState = {
      ...rest,
      ...(clientId ? { clientId } : {}),
      title: patch.title ?? state.title,
      body: patch.body ?? state.body,
      kind,
      templateId: patch.templateId ?? state.templateId,
      fields: patch.fields ?? state.fields,
      // A psychotherapy note keeps no billing code: one left from before is dropped (history keeps it).
      session: patch.session ?? (kind === 'psychotherapy' ? withoutBilling(state.session) : state.session),
      updatedAt: this.now(),
      change: 'edited',
    };
    this.assertValid(next);
    if (!(patch.baseRev === rev && sameContent(state, next))) this.commit(patch.id, patch.baseRev, next);
    return this.summary(patch.id);
  }

  /** Signs as `signer()` (read only once the note can be signed); the note keeps that copy for good. */
  sign(id: string, baseRev: number, signer: () => Signer): Saved & { signedAt: number } {
    const { state } = this.read(id);
    this.assertWritable(state);
    const signedBy = signer();
    const t = this.now();
    const rev = this.commit(id, baseRev, { ...state, signedAt: t, signedBy, updatedAt: t, change: 'signed' });
    return { id, rev, signedAt: t };
  }

  /** Appends an addendum to a signed note, naming who added it; the note itself stays as signed. */
  addAddendum(id: string, text: string, signer: () => Signer, section?: string): Saved & { addendum: Addendum } {
    const { rev, state } = this.read(id);
    if (state.signedAt === undefined) {
      throw new VaultError('INVALID_INPUT', 'Addenda are for signed notes. This note is not signed yet, so edit it directly.');
    }
    if (state.trashedAt !== undefined) throw new VaultError('INVALID_INPUT', 'This note is in the trash. Restore it first.');
    if (section !== undefined && !amendableParts(state.templateId).some((p) => p.key === section)) {
      throw new VaultError('INVALID_INPUT', 'Invalid section: not a part of this note.');
    }
    const by = signer();
    const t = this.now();
    const addendum: Addendum = { id: toHex(randomBytes(16)), text, createdAt: t, by, ...(section !== undefined ? { section } : {}) };
    const next = this.commit(id, rev, { ...state, addenda: [...state.addenda, addendum], updatedAt: t, change: 'addendum' });
    return { id, rev: next, addendum };
  }

  /** Moves a note to the trash (recoverable). Trashing twice changes nothing. */
  trash(id: string): Saved & { trashedAt: number } {
    const { rev, state } = this.read(id);
    if (state.trashedAt !== undefined) return { id, rev, trashedAt: state.trashedAt };
    const t = this.now();
    return { id, rev: this.commit(id, rev, { ...state, trashedAt: t, updatedAt: t, change: 'trashed' }), trashedAt: t };
  }

  restore(id: string): Saved {
    const { rev, state } = this.read(id);
    if (state.trashedAt === undefined) return { id, rev };
    const { trashedAt: _dropped, ...rest } = state;
    return { id, rev: this.commit(id, rev, { ...rest, updatedAt: this.now(), change: 'restored' }) };
  }

  /**
   * Deletes every unsigned note in the trash, all revisions, in one transaction. Signed notes
   * stay in the trash: clinical records are kept until their retention date.
   */
  emptyTrash(): { deleted: number; keptSigned: number } {
    const trashed = [...this.metas.values()].filter((m) => m.trashedAt !== undefined);
    const doomed = trashed.filter((m) => !m.signed).map((m) => m.id);
    this.store.transaction(() => {
      for (const id of doomed) this.store.purge(id, noteRecord);
    });
    for (const id of doomed) {
      this.metas.delete(id);
      this.index.remove(id);
    }
    return { deleted: doomed.length, keptSigned: trashed.length - doomed.length };
  }

  /** Drops notes whose records were deleted for good (retention purge) from memory and the index. */
  forget(ids: readonly string[]): void {
    for (const id of ids) {
      this.metas.delete(id);
      this.index.remove(id);
    }
  }

  clear(): void {
    this.metas.clear();
    this.unindexed.clear();
    this.unsummarized.clear();
    this.rolledBack.clear();
  }

  /** The list entry of a note just saved (remember() keeps it current). */
  private summary(id: string): NoteSummary {
    const meta = this.metas.get(id)!;
    return toSummary(meta, this.nameOf(meta.clientId));
  }

  private nameOf(clientId: string | undefined): string | undefined {
    return clientId ? this.clients.nameOf(clientId) : undefined;
  }

  private read(id: string): { rev: number; state: NoteState } {
    if (this.rolledBack.has(id)) {
      throw new VaultError(
        'VAULT_CORRUPT',
        'This note was signed, but its signed version is missing from the vault file, so it cannot be opened or changed. Restore it from a backup.',
      );
    }
    const r = this.store.get(id, noteRecord);
    return { rev: r.rev, state: noteState(r.payload, r.rev) };
  }

  /** Signed notes never change; trashed ones must be restored first. */
  private assertWritable(state: NoteState): void {
    if (state.signedAt !== undefined) {
      throw new VaultError('NOTE_SIGNED', 'This note is signed and can no longer be changed. Add an addendum instead.');
    }
    if (state.trashedAt !== undefined) throw new VaultError('INVALID_INPUT', 'This note is in the trash. Restore it to edit it.');
  }

  private assertValid(state: NoteState): void {
    assertFieldsFit(state.templateId, state.fields);
    // Psychotherapy notes are kept apart from the billing record: no service code is stored with one.
    if (state.kind === 'psychotherapy' && state.session.serviceCode !== undefined) {
      throw new VaultError('INVALID_INPUT', 'Invalid session.serviceCode: a psychotherapy note has no billing fields. Leave the service code empty.');
    }
    if (state.clientId && this.clients.nameOf(state.clientId) === undefined) {
      throw new VaultError('NOT_FOUND', 'That client does not exist.');
    }
  }

  /** Writes revision baseRev+1 (CONFLICT when stale), then updates memory and the index. */
  private commit(id: string, baseRev: number, state: NoteState): number {
    const rev = this.store.update(id, noteRecord, baseRev, state);
    this.remember(id, rev, state);
    return rev;
  }

  private remember(id: string, rev: number, state: NoteState): void {
    this.unindexed.delete(id);
    this.unsummarized.add(id);
    this.metas.set(id, toMeta(id, rev, state));
    if (state.trashedAt === undefined) this.index.put(toDoc(id, state), this.nameOf(state.clientId));
    else this.index.remove(id);
  }
}

function withoutBilling(session: SessionHeader): SessionHeader {
  const { serviceCode: _billing, ...rest } = session;
  return rest;
}

