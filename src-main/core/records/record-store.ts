import type { RecordsKey } from '../crypto/keys';
import { open, randomBytes, seal, toHex } from '../crypto/sodium';
import { VaultError } from '../errors';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../vault/vault-db';

const enc = new TextEncoder();
const dec = new TextDecoder();

export type RecordKind = 'note' | 'client' | 'settings' | 'security' | 'consent' | 'incident' | 'measure' | 'treatment-plan';

export interface StoredRecord<T = unknown> {
  id: string;
  kind: RecordKind;
  rev: number;
  payload: T;
}

/**
 * Encrypted records: every revision kept, each sealed with AD = vault id | record id | kind |
 * revision, so a ciphertext moved to another row, another kind, or an older revision put back
 * under a newer number fails to open instead of being shown.
 */
export class RecordStore {
  constructor(
    private readonly db: Db,
    private readonly vaultId: string,
    private readonly key: RecordsKey,
  ) {}

  private readonly statements = new Map<string, Statement>();

  /** Prepared once per session: preparing on every call cost more than the query on a save or a search hit. */
  private sql(text: string): Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  private ad(id: string, kind: string, rev: number): Uint8Array {
    return enc.encode(`${this.vaultId}|${id}|${kind}|${rev}`);
  }

  private writeRevision(id: string, kind: RecordKind, rev: number, payload: unknown): void {
    const plain = enc.encode(JSON.stringify(payload));
    const { nonce, ciphertext } = seal(this.key, plain, this.ad(id, kind, rev));
    plain.fill(0); // The bytes are ours to wipe; the JSON string is left to the garbage collector.
    this.sql('INSERT INTO records (id, rev, kind, nonce, ciphertext) VALUES (?, ?, ?, ?, ?)').run(id, rev, kind, nonce, ciphertext);
  }

  /** Creates a record at revision 1 and returns its new random id. One transaction. */
  insert(kind: RecordKind, payload: unknown, id: string = toHex(randomBytes(16))): { id: string; rev: number } {
    this.db.transaction(() => {
      this.writeRevision(id, kind, 1, payload);
      this.sql('INSERT INTO heads (id, kind, rev) VALUES (?, ?, 1)').run(id, kind);
    })();
    return { id, rev: 1 };
  }

  /** Appends revision baseRev+1; CONFLICT when baseRev is not the current revision. */
  update(id: string, kind: RecordKind, baseRev: number, payload: unknown): number {
    return this.db.transaction(() => {
      const head = this.head(id, kind);
      if (head.rev !== baseRev) {
        throw new VaultError('CONFLICT', 'This note was changed elsewhere since you opened it. Choose which version to keep.');
      }
      const rev = baseRev + 1;
      this.writeRevision(id, kind, rev, payload);
      this.sql('UPDATE heads SET rev = ? WHERE id = ?').run(rev, id);
      return rev;
    })();
  }

  /** Runs fn in one transaction (nested store calls become savepoints): all of it or nothing. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Deletes every revision of a record for good (secure_delete overwrites the freed pages). */
  purge(id: string, kind: RecordKind): void {
    this.db.transaction(() => {
      this.head(id, kind);
      this.sql('DELETE FROM records WHERE id = ? AND kind = ?').run(id, kind);
      this.sql('DELETE FROM heads WHERE id = ?').run(id);
    })();
  }

  head(id: string, kind: RecordKind): { rev: number } {
    const row = this.sql('SELECT rev FROM heads WHERE id = ? AND kind = ?').get(id, kind) as { rev: number } | undefined;
    if (!row) throw new VaultError('NOT_FOUND', 'That item does not exist.');
    return row;
  }

  /** The current revision, decrypted; VAULT_CORRUPT if it fails authentication. */
  get<T>(id: string, kind: RecordKind): StoredRecord<T> {
    // One query for the head and its row: search decrypts ~20 notes per keystroke this way.
    const row = this.sql('SELECT h.rev, r.nonce, r.ciphertext FROM heads h LEFT JOIN records r ON r.id = h.id AND r.rev = h.rev WHERE h.id = ? AND h.kind = ?')
      .get(id, kind) as { rev: number; nonce: Uint8Array | null; ciphertext: Uint8Array | null } | undefined;
    if (!row) throw new VaultError('NOT_FOUND', 'That item does not exist.');
    return { id, kind, rev: row.rev, payload: this.decrypt<T>(id, kind, row.rev, row) };
  }

  getRevision<T>(id: string, kind: RecordKind, rev: number): StoredRecord<T> {
    return { id, kind, rev, payload: this.openRevision<T>(id, kind, rev) };
  }

  revisions(id: string, kind: RecordKind): number[] {
    this.head(id, kind);
    return (this.sql('SELECT rev FROM records WHERE id = ? AND kind = ? ORDER BY rev').all(id, kind) as { rev: number }[]).map(
      (r) => r.rev,
    );
  }

  private openRevision<T>(id: string, kind: RecordKind, rev: number): T {
    const row = this.sql('SELECT nonce, ciphertext FROM records WHERE id = ? AND rev = ?').get(id, rev) as
      | { nonce: Uint8Array; ciphertext: Uint8Array }
      | undefined;
    return this.decrypt<T>(id, kind, rev, row);
  }

  private decrypt<T>(id: string, kind: RecordKind, rev: number, row: { nonce: Uint8Array | null; ciphertext: Uint8Array | null } | undefined): T {
    const plain = row?.nonce && row.ciphertext ? open(this.key, row.nonce, row.ciphertext, this.ad(id, kind, rev)) : null;
    if (!plain) {
      throw new VaultError('VAULT_CORRUPT', 'A record failed its integrity check and was not shown. Restore it from a backup.');
    }
    return parsePlain<T>(plain);
  }

  /**
   * The current revision and nonce of every record of a kind, without decrypting anything. A
   * nonce is fresh for every sealed revision, so an equal nonce means the very same ciphertext
   * row as before (one rewritten in place under the same nonce still fails to open).
   */
  fingerprints(kind: RecordKind): { id: string; rev: number; nonce: Uint8Array | null }[] {
    return this.sql(
        // One pass over heads and one seek per head in the small covering index (migration 003):
        // no record page, and so no ciphertext, is read.
        `SELECT h.id, h.rev, (SELECT r.nonce FROM records r INDEXED BY records_fingerprint WHERE r.id = h.id AND r.rev = h.rev) AS nonce
         FROM heads h NOT INDEXED WHERE h.kind = ?`,
      )
      .all(kind) as { id: string; rev: number; nonce: Uint8Array | null }[];
  }

  /** Every current record of a kind; records that fail authentication are counted, not shown. */
  loadAll<T>(kind: RecordKind): { records: StoredRecord<T>[]; damaged: string[] } {
    const rows = this.sql('SELECT h.id, h.rev, r.nonce, r.ciphertext FROM heads h LEFT JOIN records r ON r.id = h.id AND r.rev = h.rev WHERE h.kind = ?')
      .all(kind) as { id: string; rev: number; nonce: Uint8Array | null; ciphertext: Uint8Array | null }[];
    const records: StoredRecord<T>[] = [];
    const damaged: string[] = [];
    for (const row of rows) {
      const plain = row.nonce && row.ciphertext ? open(this.key, row.nonce, row.ciphertext, this.ad(row.id, kind, row.rev)) : null;
      if (plain) records.push({ id: row.id, kind, rev: row.rev, payload: parsePlain<T>(plain) });
      else damaged.push(row.id);
    }
    return { records, damaged };
  }
}

/** Parses a decrypted payload and wipes its bytes: only the parsed value (needed) stays in memory. */
function parsePlain<T>(plain: Uint8Array): T {
  try {
    return JSON.parse(dec.decode(plain)) as T;
  } finally {
    plain.fill(0);
  }
}
