import Database from 'better-sqlite3';
import { ftsMatch, indexable, indexableName } from './fts-query';

/** What the index knows of one note: the searchable text, and the client for the client filter. */
export interface NoteDoc {
  noteId: string;
  clientId?: string;
  title: string;
  /** Section texts and the free-text body. */
  content: string;
  /** Addenda texts. */
  addenda: string;
  /** The session's date (YYYY-MM-DD): matches come newest session first. */
  serviceDate?: string;
}

/** Where a kept index comes from: its sealed pieces, opened one at a time (unlock-cache.ts). */
export interface IndexSource {
  /** Opens the next piece; false when none is left (or one failed). */
  step(): boolean;
  /** The whole serialized index once every piece opened, null when any failed. Closes the source. */
  finish(): Buffer | null;
  /** Gives up: closes the file and wipes what was opened. Idempotent. */
  close(): void;
}

/** Notes indexed per turn of the event loop in the background (~10 ms of work): a request waits at most one slice. */
const BACKGROUND_SLICE = 100;
/**
 * Rowids are the session's day × DAY_SLOTS + a place within the day, so rowid order is session
 * order and FTS5 hands matches newest first, stopping once a page is full. FTS5 stores each
 * word's rowids as differences, so a small multiplier keeps them short (2^24 made the index 40%
 * bigger). A note keeps its place while its date stays (edits do not use places up), and a new
 * note takes the day's lowest free place; a day with more notes than places spills the rest to
 * the first free rowid after it, which can list them among a later day's notes (found all the same).
 */
export const DAY_SLOTS = 32;
const MS_PER_DAY = 86_400_000;
/** The first rowid from @from on that no note holds: the day's lowest free place, or past the day if it is full. */
const FREE_ROWID_FROM = `SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM docs WHERE rowid = @from) THEN @from
  ELSE (SELECT min(rowid) + 1 FROM docs a WHERE rowid >= @from AND NOT EXISTS (SELECT 1 FROM docs b WHERE b.rowid = a.rowid + 1)) END`;

// `_` is a letter here only for the client keys: indexed text and queries have none (fts-query.ts).
const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2 tokenchars ''_'''`;
const SCHEMA = `
  CREATE VIRTUAL TABLE notes_fts USING fts5(title, content, addenda, client_name, client_key,
    content = '', contentless_delete = 1, ${TOKENIZE});
  CREATE TABLE docs (rowid INTEGER PRIMARY KEY, note_id TEXT NOT NULL UNIQUE);
`;

/**
 * Full-text search over decrypted notes, in an in-memory SQLite database that lives only while
 * the vault is unlocked. The FTS5 tables are contentless: they hold the index (terms and where
 * they occur), not the text, which halves the memory and the sealed copy kept for the next
 * unlock (unlock-cache.ts); snippets are cut from the decrypted note (snippet.ts).
 */
export class SearchIndex {
  private db: Database.Database | null;
  private closed = false;
  private readonly statements = new Map<string, Database.Statement>();
  /** Notes saved but not indexed yet (see `put`). */
  private readonly pending = new Map<string, PendingDoc>();
  /** The last session's index while it is still being opened (see the constructor). */
  private source: IndexSource | null = null;
  /** Notes removed while the kept index was being opened: dropped from it once open. */
  private readonly removedWhileLoading = new Set<string>();
  /** Called when the kept index fails to open, to put every note again. */
  private lost: (() => void) | null = null;
  /** Reads the notes not put yet, a page per call (see `indexInBackground`). */
  private feed: (() => boolean) | null = null;
  /** Changes since the index was built or loaded: a clean index need not be sealed again at lock. */
  private changes = 0;

  /**
   * An empty index; or, given a source, the index an earlier session serialized, opened after the
   * unlock returns (`loadInBackground`) so the list shows before the index is read. Until then
   * changes wait here, and a search opens the rest first. If any piece fails to open, `onLost`'s
   * callback puts every note again into an empty index.
   */
  constructor(source?: IndexSource) {
    this.source = source ?? null;
    this.db = source ? null : newDatabase();
  }

  /** What to do if the kept index turns out unreadable: put every note again. */
  onLost(reindex: () => void): void {
    this.lost = reindex;
  }

  /** Opens the kept index a piece per turn of the event loop, then indexes what was put meanwhile. */
  loadInBackground(): void {
    const step = () => {
      if (!this.source) return; // opened by a search meanwhile, or closed
      if (this.source.step()) return void setImmediate(step);
      this.load();
      this.indexInBackground();
    };
    setImmediate(step);
  }

  /** Opens the rest of the kept index now and applies what changed meanwhile; a fresh index if it fails. */
  private load(): void {
    const source = this.source;
    if (!source) return;
    this.source = null;
    const bytes = source.finish();
    this.db = bytes && openSerialized(bytes);
    if (this.db) {
      for (const id of this.removedWhileLoading) this.drop(id);
    } else {
      this.db = newDatabase();
      this.changes++;
      this.lost?.();
    }
    this.removedWhileLoading.clear();
  }

  get changed(): boolean {
    return this.changes > 0;
  }

  /** Every note put, and every note the feed had to read, is in the index (see `indexInBackground`). */
  get indexed(): boolean {
    return this.pending.size === 0 && this.feed === null;
  }

  /** The kept index of the last session is not opened yet (see the constructor). */
  get loading(): boolean {
    return this.source !== null;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** The database, the kept index opened first if it is still loading. */
  private open(): Database.Database {
    if (this.closed) throw new Error('search index is closed');
    this.load();
    return this.db as Database.Database;
  }

  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.open().prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  /** Runs many changes at once (the build at unlock), indexed when it returns. */
  batch(fn: () => void): void {
    // While the kept index loads, removals and puts only queue: nothing to wrap yet.
    if (this.source) return fn();
    this.open().transaction(() => {
      fn();
      this.flush();
    })();
  }

  /**
   * Adds or replaces a note. Indexing waits until the index is next read (a search, the cache
   * at lock) or the end of the batch: autosave writes the same note every few seconds while the
   * clinician types, and only the last version before a search needs indexing.
   */
  put(doc: NoteDoc, clientName: string | undefined): void {
    if (this.closed) throw new Error('search index is closed');
    this.pending.set(doc.noteId, { doc, clientName });
    this.changes++;
  }

  /**
   * Indexes what was put, a slice at a time between other work, until nothing is left. The
   * first unlock without the unlock cache lists the notes from their summaries and hands `feed`
   * here: each call reads the next few notes and puts them (false once none is left), so the
   * list shows before any note text is read. A search meanwhile reads and indexes the rest first
   * (`query` flushes), and so does sealing the cache at lock.
   */
  indexInBackground(feed?: () => boolean): void {
    this.feed = feed ?? null;
    const step = () => {
      if (this.closed || this.source) return;
      this.feedOnce();
      if (this.pending.size === 0 && !this.feed) return;
      this.indexPending(BACKGROUND_SLICE);
      setImmediate(step);
    };
    setImmediate(step);
  }

  private feedOnce(): void {
    if (this.feed && !this.feed()) this.feed = null;
  }

  /** Indexes every note put since the last read, and first every note the feed has still to read. */
  private flush(): void {
    this.open(); // a kept index still loading is opened first: if it is lost, every note is put again
    // Read and indexed a page at a time, so the decrypted text of every note is never held at once.
    while (this.feed) {
      this.feedOnce();
      this.indexPending(Infinity);
    }
    this.indexPending(Infinity);
  }

  /** Indexes up to `limit` of the notes put and not indexed yet, oldest first, in one transaction. */
  private indexPending(limit: number): void {
    if (this.pending.size === 0) return;
    const docs: { entry: PendingDoc; day: number }[] = [];
    for (const [id, entry] of this.pending) {
      if (docs.length === limit) break;
      docs.push({ entry, day: dayOf(entry.doc.serviceDate) });
      this.pending.delete(id);
    }
    // FTS5 starts a new segment whenever a row comes with a lower rowid than the one before, and
    // rowids follow session dates: the old rows go first, then the new ones in date order.
    docs.sort((a, b) => a.day - b.day);
    this.open().transaction(() => {
      const kept = docs.map(({ entry, day }) => this.release(entry.doc.noteId, day));
      docs.forEach(({ entry, day }, i) => this.write(entry.doc, entry.clientName, kept[i] ?? this.place(entry.doc.noteId, day)));
    })();
  }

  /**
   * Takes a note's words out of the index before it is written again. Its place is kept (and
   * returned) when it is on the same day: so editing a note never moves it within its day, and
   * never uses up the day's places. Otherwise the place is given up.
   */
  private release(noteId: string, day: number): number | undefined {
    const rowid = this.rowidOf(noteId);
    if (rowid === undefined) return undefined;
    this.stmt('DELETE FROM notes_fts WHERE rowid = ?').run(rowid);
    if (Math.floor(rowid / DAY_SLOTS) === day) return rowid;
    this.stmt('DELETE FROM docs WHERE rowid = ?').run(rowid);
    return undefined;
  }

  /** A new place for the note on `day`: the day's lowest free one (see DAY_SLOTS). */
  private place(noteId: string, day: number): number {
    const rowid = this.stmt(FREE_ROWID_FROM).pluck().get({ from: day * DAY_SLOTS }) as number;
    this.stmt('INSERT INTO docs (rowid, note_id) VALUES (?, ?)').run(rowid, noteId);
    return rowid;
  }

  private write(doc: NoteDoc, clientName: string | undefined, rowid: number): void {
    this.stmt('INSERT INTO notes_fts (rowid, title, content, addenda, client_name, client_key) VALUES (?, ?, ?, ?, ?, ?)').run(
      rowid,
      indexable(doc.title),
      indexable(doc.content),
      indexable(doc.addenda),
      indexableName(clientName ?? ''),
      clientKey(doc.clientId),
    );
  }

  remove(noteId: string): void {
    this.pending.delete(noteId);
    if (this.source) {
      this.removedWhileLoading.add(noteId);
      this.changes++;
    } else if (this.drop(noteId)) this.changes++;
  }

  private rowidOf(noteId: string): number | undefined {
    return this.stmt('SELECT rowid FROM docs WHERE note_id = ?').pluck().get(noteId) as number | undefined;
  }

  private drop(noteId: string): boolean {
    const rowid = this.rowidOf(noteId);
    if (rowid === undefined) return false;
    this.stmt('DELETE FROM notes_fts WHERE rowid = ?').run(rowid);
    this.stmt('DELETE FROM docs WHERE rowid = ?').run(rowid);
    return true;
  }

  /**
   * The ids of the notes matching every word, newest session first, `offset` of them skipped.
   * FTS5 walks the matches in rowid order, which is session order, and stops once `limit` are
   * found: a search costs about the same after forty years of notes as after one. Ranking by
   * relevance (bm25) had to score every match, and its time grew with the years.
   */
  query(text: string, options: { clientId?: string; limit: number; offset?: number }): string[] {
    const words = ftsMatch(text);
    if (!words) return [];
    this.flush();
    // Client keys are the only tokens a typed word cannot be, so no column needs naming.
    const scope = options.clientId ? `client_key : "${clientKey(options.clientId)}" AND ` : '';
    const sql = `SELECT d.note_id FROM (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?) f
      JOIN docs d ON d.rowid = f.rowid ORDER BY f.rowid DESC`;
    return this.stmt(sql)
      .pluck()
      .all(`${scope}(${words})`, options.limit, options.offset ?? 0) as string[];
  }

  /**
   * The whole index as bytes, to be sealed for the next unlock. Vacuumed first: the pages FTS5
   * merged away stay in the file as free pages (~12% of it at 20 years), and the next session
   * would hold them in memory for nothing.
   */
  serialize(): Buffer {
    this.flush();
    this.open().exec('VACUUM');
    return this.open().serialize();
  }

  /** Merges the index's segments: smaller and faster to query; worth it after a full build. */
  optimize(): void {
    this.flush();
    this.open().exec("INSERT INTO notes_fts (notes_fts) VALUES ('optimize')");
  }

  /** Frees every decrypted word held here. Idempotent. */
  close(): void {
    this.closed = true;
    this.source?.close();
    this.source = null;
    this.feed = null;
    this.pending.clear();
    this.removedWhileLoading.clear();
    this.statements.clear();
    this.db?.close();
    this.db = null;
  }
}

function newDatabase(serialized?: Buffer): Database.Database {
  const db = serialized ? new Database(serialized) : new Database(':memory:');
  // Sorts and temp b-trees stay in RAM: nothing searchable may ever reach a temp file.
  db.pragma('temp_store = MEMORY');
  if (!serialized) db.exec(SCHEMA);
  return db;
}

/** The database `serialize()` wrote in an earlier session (the bytes are wiped); null when they are not one. */
function openSerialized(bytes: Buffer): Database.Database | null {
  let db: Database.Database | null = null;
  try {
    db = newDatabase(bytes);
    db.prepare('SELECT count(*) FROM docs').get();
    return db;
  } catch {
    db?.close();
    return null;
  } finally {
    // SQLite holds its own copy now.
    bytes.fill(0);
  }
}

/** A note's text as the index takes it, with its client's name. */
interface PendingDoc {
  doc: NoteDoc;
  clientName: string | undefined;
}

/** Days from 1970-01-01 to a YYYY-MM-DD date; today for a note without one. */
function dayOf(isoDate: string | undefined): number {
  const ms = isoDate ? Date.parse(`${isoDate}T00:00:00Z`) : NaN;
  return Math.floor((Number.isFinite(ms) ? ms : Date.now()) / MS_PER_DAY);
}

/** One token per client (ids are hex), so the client filter is an index lookup, not a scan. */
function clientKey(clientId: string | undefined): string {
  return clientId ? `_${clientId}` : '';
}
