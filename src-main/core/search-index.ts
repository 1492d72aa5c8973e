import Database from 'better-sqlite3';
import { SNIPPET_HIT_END, SNIPPET_HIT_START, type SearchHit } from '../../src-shared/contract/search';
import type { NoteKind } from '../../src-shared/templates';

/** What the index knows of one note: searchable text plus what a result row shows. */
export interface NoteDoc {
  noteId: string;
  clientId?: string;
  kind: NoteKind;
  serviceDate: string;
  signed: boolean;
  title: string;
  /** Section texts and the free-text body. */
  content: string;
  /** Addenda texts. */
  addenda: string;
}

const MAX_TERMS = 32;
// Per-column bm25 weights, in column order: metadata (unindexed), title, content, addenda, client name.
const BM25 = 'bm25(notes_fts, 0, 0, 0, 0, 0, 10.0, 1.0, 1.0, 4.0)';

/**
 * Full-text search over decrypted notes, in an in-memory SQLite FTS5 table that lives only
 * while the vault is unlocked. Built at unlock, updated on every save, closed at lock.
 */
export class SearchIndex {
  private db: Database.Database | null;
  /** FTS5 rowid per note id: replacing a note never scans the table (unindexed columns would). */
  private readonly rowids = new Map<string, number | bigint>();
  private readonly statements = new Map<string, Database.Statement>();

  constructor() {
    const db = new Database(':memory:');
    // Sorts and temp b-trees stay in RAM: nothing searchable may ever reach a temp file.
    db.pragma('temp_store = MEMORY');
    db.exec(`CREATE VIRTUAL TABLE notes_fts USING fts5(
      note_id UNINDEXED, client_id UNINDEXED, kind UNINDEXED, service_date UNINDEXED, signed UNINDEXED,
      title, content, addenda, client_name,
      tokenize = 'unicode61 remove_diacritics 2'
    )`);
    this.db = db;
  }

  get isOpen(): boolean {
    return this.db?.open ?? false;
  }

  private open(): Database.Database {
    if (!this.db) throw new Error('search index is closed');
    return this.db;
  }

  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.open().prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  /** Runs many changes at once (the build at unlock). */
  batch(fn: () => void): void {
    this.open().transaction(fn)();
  }

  /** Adds or replaces a note. */
  put(doc: NoteDoc, clientName: string | undefined): void {
    this.remove(doc.noteId);
    const { lastInsertRowid } = this.stmt('INSERT INTO notes_fts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      doc.noteId,
      doc.clientId ?? null,
      doc.kind,
      doc.serviceDate,
      doc.signed ? 1 : 0,
      clean(doc.title),
      clean(doc.content),
      clean(doc.addenda),
      clean(clientName ?? ''),
    );
    this.rowids.set(doc.noteId, lastInsertRowid);
  }

  remove(noteId: string): void {
    const rowid = this.rowids.get(noteId);
    if (rowid === undefined) return;
    this.stmt('DELETE FROM notes_fts WHERE rowid = ?').run(rowid);
    this.rowids.delete(noteId);
  }

  /** A client was renamed: every note of theirs is found under the new name. */
  renameClient(clientId: string, name: string): void {
    this.stmt('UPDATE notes_fts SET client_name = ? WHERE client_id = ?').run(clean(name), clientId);
  }

  query(text: string, options: { clientId?: string; limit: number }): SearchHit[] {
    const match = toFtsQuery(text);
    if (!match) return [];
    const where = options.clientId ? 'notes_fts MATCH ? AND client_id = ?' : 'notes_fts MATCH ?';
    const params: unknown[] = options.clientId ? [match, options.clientId] : [match];
    // bm25 saturates per note, so a title hit alone cannot outrank a body that repeats the word:
    // notes whose title holds every word come first, as a clinician looking for "Intake" expects.
    const sql = `SELECT note_id, client_id, client_name, kind, service_date, signed, title, ${BM25} AS rank,
        snippet(notes_fts, -1, ?, ?, '…', 16) AS snippet,
        rowid IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?) AS title_hit
      FROM notes_fts WHERE ${where} ORDER BY title_hit DESC, rank, service_date DESC LIMIT ?`;
    const rows = this.stmt(sql).all(SNIPPET_HIT_START, SNIPPET_HIT_END, `title : (${match})`, ...params, options.limit) as Row[];
    return rows.map((r) => ({
      noteId: r.note_id,
      ...(r.client_id ? { clientId: r.client_id } : {}),
      ...(r.client_name ? { clientName: r.client_name } : {}),
      title: r.title,
      snippet: r.snippet,
      titleMatch: r.title_hit === 1,
      score: -r.rank,
      kind: r.kind,
      serviceDate: r.service_date,
      signed: r.signed === 1,
    }));
  }

  /** Frees every decrypted word held here. Idempotent. */
  close(): void {
    this.statements.clear();
    this.rowids.clear();
    this.db?.close();
    this.db = null;
  }
}

interface Row {
  note_id: string;
  client_id: string | null;
  client_name: string;
  kind: NoteKind;
  service_date: string;
  signed: number;
  title: string;
  rank: number;
  snippet: string;
  title_hit: number;
}

/** Removes the snippet markers from indexed text, so every marker in a snippet is a real hit. */
function clean(text: string): string {
  return text.replaceAll(SNIPPET_HIT_START, ' ').replaceAll(SNIPPET_HIT_END, ' ');
}

/**
 * Turns what a user typed into a safe FTS5 query: every word becomes a quoted string (so
 * operators, quotes, colons and parentheses are just text), words are ANDed, and the last is
 * a prefix so results appear while typing. Null when nothing searchable is left.
 */
export function toFtsQuery(text: string): string | null {
  const words = text
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${clean(w).replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}
