import Database from 'better-sqlite3';
import { afterPrefix, ftsMatch, indexable, indexableName, SPELL_OUT_MAX } from './fts-query';

/** What the index knows of one note: the searchable text, and the client for the client filter. */
export interface NoteDoc {
  noteId: string;
  clientId?: string;
  title: string;
  /** Section texts and the free-text body. */
  content: string;
  /** Addenda texts. */
  addenda: string;
}

/** A ranked match: the caller (note-search.ts) adds what a result row shows. */
export interface IndexHit {
  noteId: string;
  /** bm25, higher is better. */
  score: number;
  /** The title holds every word searched for. */
  titleMatch: boolean;
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
// Per-column bm25 weights, in column order: title, content, addenda, client name, client key (never ranks).
const BM25 = 'bm25(notes_fts, 10.0, 1.0, 1.0, 4.0, 0.0)';

// `_` is a letter here only for the client keys: indexed text and queries have none (fts-query.ts).
const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2 tokenchars ''_'''`;
const SCHEMA = `
  CREATE VIRTUAL TABLE notes_fts USING fts5(title, content, addenda, client_name, client_key,
    content = '', contentless_delete = 1, ${TOKENIZE});
  CREATE VIRTUAL TABLE titles_fts USING fts5(title, client_key,
    content = '', contentless_delete = 1, ${TOKENIZE});
  CREATE TABLE docs (rowid INTEGER PRIMARY KEY, note_id TEXT NOT NULL UNIQUE);
`;
/** Every indexed word, for spelling out a prefix (fts-query.ts). In temp: never serialized. */
const VOCABULARY = `CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, notes_fts, 'row')`;

/**
 * Full-text search over decrypted notes, in an in-memory SQLite database that lives only while
 * the vault is unlocked. The FTS5 tables are contentless: they hold the index (terms and where
 * they occur), not the text, which halves the memory and the sealed copy kept for the next
 * unlock (unlock-cache.ts); snippets are cut from the decrypted note (snippet.ts). Titles have
 * their own small index so "title matches first" never scans the posting lists of the bodies.
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
    const docs: PendingDoc[] = [];
    for (const [id, entry] of this.pending) {
      if (docs.length === limit) break;
      docs.push(entry);
      this.pending.delete(id);
    }
    this.open().transaction(() => {
      for (const { doc, clientName } of docs) this.write(doc, clientName);
    })();
  }

  private write(doc: NoteDoc, clientName: string | undefined): void {
    this.drop(doc.noteId);
    const { lastInsertRowid: rowid } = this.stmt('INSERT INTO docs (note_id) VALUES (?)').run(doc.noteId);
    const key = clientKey(doc.clientId);
    const title = indexable(doc.title);
    this.stmt('INSERT INTO notes_fts (rowid, title, content, addenda, client_name, client_key) VALUES (?, ?, ?, ?, ?, ?)').run(
      rowid,
      title,
      indexable(doc.content),
      indexable(doc.addenda),
      indexableName(clientName ?? ''),
      key,
    );
    this.stmt('INSERT INTO titles_fts (rowid, title, client_key) VALUES (?, ?, ?)').run(rowid, title, key);
  }

  remove(noteId: string): void {
    this.pending.delete(noteId);
    if (this.source) {
      this.removedWhileLoading.add(noteId);
      this.changes++;
    } else if (this.drop(noteId)) this.changes++;
  }

  private drop(noteId: string): boolean {
    const row = this.stmt('SELECT rowid FROM docs WHERE note_id = ?').get(noteId) as { rowid: number } | undefined;
    if (!row) return false;
    this.stmt('DELETE FROM notes_fts WHERE rowid = ?').run(row.rowid);
    this.stmt('DELETE FROM titles_fts WHERE rowid = ?').run(row.rowid);
    this.stmt('DELETE FROM docs WHERE rowid = ?').run(row.rowid);
    return true;
  }

  /**
   * Notes matching every word, best first: those whose title holds every word (ranked among
   * themselves by the small title index), then the rest by bm25 over the whole note (title
   * weighs most, then client name, then sections and addenda).
   */
  query(text: string, options: { clientId?: string; limit: number }): IndexHit[] {
    const words = ftsMatch(text, (prefix) => this.wordsStarting(prefix));
    if (!words) return [];
    this.flush();
    // Client keys are the only tokens a typed word cannot be, so no column needs naming.
    const scope = options.clientId ? `client_key : "${clientKey(options.clientId)}" AND ` : '';
    const titled = this.ranked('titles_fts', 'bm25(titles_fts, 1.0, 0.0)', `${scope}(${words})`, options.limit);
    if (titled.length >= options.limit) return titled.map((r) => hit(r, true));
    const seen = new Set(titled.map((r) => r.note_id));
    const rest = this.ranked('notes_fts', BM25, `${scope}(${words})`, options.limit + titled.length);
    return [
      ...titled.map((r) => hit(r, true)),
      ...rest
        .filter((r) => !seen.has(r.note_id))
        .slice(0, options.limit - titled.length)
        .map((r) => hit(r, false)),
    ];
  }

  /** The indexed words that start with `prefix` (ASCII), or null when there are more than are worth spelling out. */
  private wordsStarting(prefix: string): string[] | null {
    this.flush();
    const found = this.stmt(`SELECT term FROM temp.words WHERE term >= ? AND term < ? LIMIT ${SPELL_OUT_MAX + 1}`)
      .pluck()
      .all(prefix, afterPrefix(prefix)) as string[];
    return found.length > 0 && found.length <= SPELL_OUT_MAX ? found : null;
  }

  private ranked(table: 'notes_fts' | 'titles_fts', rank: string, match: string, limit: number): Row[] {
    const sql = `SELECT d.note_id, f.rank FROM (SELECT rowid, ${rank} AS rank FROM ${table} WHERE ${table} MATCH ? ORDER BY rank LIMIT ?) f
      JOIN docs d ON d.rowid = f.rowid ORDER BY f.rank, f.rowid DESC`;
    return this.stmt(sql).all(match, limit) as Row[];
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
    this.open().exec("INSERT INTO notes_fts (notes_fts) VALUES ('optimize'); INSERT INTO titles_fts (titles_fts) VALUES ('optimize');");
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
  db.exec(VOCABULARY);
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

interface Row {
  note_id: string;
  rank: number;
}

const hit = (r: Row, titleMatch: boolean): IndexHit => ({ noteId: r.note_id, score: -r.rank, titleMatch });

/** One token per client (ids are hex), so the client filter is an index lookup, not a scan. */
function clientKey(clientId: string | undefined): string {
  return clientId ? `_${clientId}` : '';
}
