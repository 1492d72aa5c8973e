import type { Statement } from 'better-sqlite3';
import type { z } from 'zod';
import type { RecordsKey } from '../crypto/keys';
import { open, randomBytes, seal, toHex, withOpener } from '../crypto/sodium';
import { VaultError } from '../errors';
import type { Db } from '../vault/vault-db';

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * One kind of record: its name (plaintext in the row, bound into every revision's AD), the
 * schema every decrypted payload must fit, and what to call it in a message. Each feature
 * declares its own beside its code (`noteRecord` in notes/note-record.ts, …).
 */
export interface RecordType<T, S = unknown> {
  readonly kind: string;
  readonly schema: z.ZodType<T>;
  /** "note", "consent record": in "A note could not be read." */
  readonly noun: string;
  /** The schema of what a kind lists without reading whole records (a note's list entry: table `summaries`). */
  readonly summary?: z.ZodType<S>;
}

export function recordType<T, S = unknown>(kind: string, schema: z.ZodType<T>, noun: string, summary?: z.ZodType<S>): RecordType<T, S> {
  return summary ? { kind, schema, noun, summary } : { kind, schema, noun };
}

export interface StoredRecord<T> {
  id: string;
  kind: string;
  rev: number;
  payload: T;
}

/** One entry of `fingerprintList`. */
export const fingerprintEntry = (id: string, rev: number, nonceHex: string): string => `${id} ${rev} ${nonceHex}`;

/** Upper bound of the read-only map `loadAll` uses (SQLite maps at most the file's size). */
const LOAD_ALL_MAP_BYTES = 4 * 1024 ** 3;

/**
 * The nonce (lowercase hex) of head `h`'s current revision: one seek in the small covering index
 * (migration 003), so no record page, and no ciphertext, is read; hex made by SQLite, no buffer per row.
 */
const CURRENT_NONCE_HEX = '(SELECT lower(hex(r.nonce)) FROM records r INDEXED BY records_fingerprint WHERE r.id = h.id AND r.rev = h.rev)';

/**
 * Heads in id order (their primary key's index), for the two fingerprint queries: the nonce
 * lookups then walk records_fingerprint (also by id) front to back, each page read once, instead
 * of one random seek per note through a page cache smaller than the index.
 */
const HEADS_BY_ID = 'heads h INDEXED BY sqlite_autoindex_heads_1';

type SealedRow = { nonce: Uint8Array | null; ciphertext: Uint8Array | null };

/**
 * Encrypted records: every revision kept, each sealed with AD = vault id | record id | kind |
 * revision, so a ciphertext moved to another row, another kind, or an older revision put back
 * under a newer number fails to open instead of being shown. A payload that opens but does not
 * fit its kind's schema is damage too: read through the schema, never cast.
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
    return enc.encode(this.adText(id, kind, rev));
  }

  private adText(id: string, kind: string, rev: number): string {
    return `${this.vaultId}|${id}|${kind}|${rev}`;
  }

  /** A record's AD with `|summary` after it: no record's AD ends so (its last part is a number). */
  private summaryAdText(id: string, kind: string, rev: number): string {
    return `${this.adText(id, kind, rev)}|summary`;
  }

  private writeRevision<T>(id: string, type: RecordType<T>, rev: number, payload: T): void {
    const plain = enc.encode(JSON.stringify(payload));
    const { nonce, ciphertext } = seal(this.key, plain, this.ad(id, type.kind, rev));
    plain.fill(0); // The bytes are ours to wipe; the JSON string is left to the garbage collector.
    this.sql('INSERT INTO records (id, rev, kind, nonce, ciphertext) VALUES (?, ?, ?, ?, ?)').run(id, rev, type.kind, nonce, ciphertext);
  }

  /** Creates a record at revision 1 and returns its new random id. One transaction. */
  insert<T>(type: RecordType<T>, payload: T, id: string = toHex(randomBytes(16))): { id: string; rev: number } {
    this.db.transaction(() => {
      this.writeRevision(id, type, 1, payload);
      this.sql('INSERT INTO heads (id, kind, rev) VALUES (?, ?, 1)').run(id, type.kind);
    })();
    return { id, rev: 1 };
  }

  /** Appends revision baseRev+1; CONFLICT when baseRev is not the current revision. */
  update<T>(id: string, type: RecordType<T>, baseRev: number, payload: T): number {
    return this.db.transaction(() => {
      const head = this.head(id, type);
      if (head.rev !== baseRev) {
        throw new VaultError('CONFLICT', 'This note was changed elsewhere since you opened it. Choose which version to keep.');
      }
      const rev = baseRev + 1;
      this.writeRevision(id, type, rev, payload);
      this.sql('UPDATE heads SET rev = ? WHERE id = ?').run(rev, id);
      return rev;
    })();
  }

  /** The next revision of a record with a fixed id (settings-like), created at revision 1 the first time. */
  put<T>(id: string, type: RecordType<T>, payload: T): void {
    this.db.transaction(() => {
      const row = this.sql('SELECT rev FROM heads WHERE id = ? AND kind = ?').get(id, type.kind) as { rev: number } | undefined;
      if (row) this.update(id, type, row.rev, payload);
      else this.insert(type, payload, id);
    })();
  }

  /** Runs fn in one transaction (nested store calls become savepoints): all of it or nothing. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Deletes every revision of a record for good (secure_delete overwrites the freed pages). */
  purge(id: string, type: RecordType<unknown>): void {
    this.db.transaction(() => {
      this.head(id, type);
      this.sql('DELETE FROM records WHERE id = ? AND kind = ?').run(id, type.kind);
      this.sql('DELETE FROM summaries WHERE id = ?').run(id);
      this.sql('DELETE FROM heads WHERE id = ?').run(id);
    })();
  }

  head(id: string, type: RecordType<unknown>): { rev: number } {
    const row = this.sql('SELECT rev FROM heads WHERE id = ? AND kind = ?').get(id, type.kind) as { rev: number } | undefined;
    if (!row) throw new VaultError('NOT_FOUND', 'That item does not exist.');
    return row;
  }

  /** The current revision, decrypted and read through the schema; VAULT_CORRUPT if either fails. */
  get<T>(id: string, type: RecordType<T>): StoredRecord<T> {
    // One query for the head and its row: search decrypts ~20 notes per keystroke this way.
    const row = this.sql('SELECT h.rev, r.nonce, r.ciphertext FROM heads h LEFT JOIN records r ON r.id = h.id AND r.rev = h.rev WHERE h.id = ? AND h.kind = ?')
      .get(id, type.kind) as ({ rev: number } & SealedRow) | undefined;
    if (!row) throw new VaultError('NOT_FOUND', 'That item does not exist.');
    return { id, kind: type.kind, rev: row.rev, payload: this.read(id, type, row.rev, row) };
  }

  getRevision<T>(id: string, type: RecordType<T>, rev: number): StoredRecord<T> {
    const row = this.sql('SELECT nonce, ciphertext FROM records WHERE id = ? AND rev = ?').get(id, rev) as SealedRow | undefined;
    return { id, kind: type.kind, rev, payload: this.read(id, type, rev, row) };
  }

  revisions(id: string, type: RecordType<unknown>): number[] {
    this.head(id, type);
    return (this.sql('SELECT rev FROM records WHERE id = ? AND kind = ? ORDER BY rev').all(id, type.kind) as { rev: number }[]).map(
      (r) => r.rev,
    );
  }

  private read<T>(id: string, type: RecordType<T>, rev: number, row: SealedRow | undefined): T {
    const plain = this.open(id, type.kind, rev, row);
    if (!plain) {
      throw new VaultError('VAULT_CORRUPT', 'A record failed its integrity check and was not shown. Restore it from a backup.');
    }
    const payload = parse(type.schema, plain);
    // Never the payload in the message: it is the clinician's text.
    if (payload === undefined) throw new VaultError('VAULT_CORRUPT', `A ${type.noun} could not be read. Restore it from a backup.`);
    return payload.value;
  }

  private open(id: string, kind: string, rev: number, row: SealedRow | undefined): Uint8Array | null {
    return row?.nonce && row.ciphertext ? open(this.key, row.nonce, row.ciphertext, this.ad(id, kind, rev)) : null;
  }

  /**
   * The current revision and nonce (lowercase hex) of every record of a kind, without decrypting
   * anything. A nonce is fresh for every sealed revision, so an equal nonce means the very same
   * ciphertext row as before (one rewritten in place under the same nonce still fails to open).
   */
  fingerprints(type: RecordType<unknown>): { id: string; rev: number; nonce: string | null }[] {
    return this.sql(
        `SELECT h.id, h.rev, ${CURRENT_NONCE_HEX} AS nonce
         FROM ${HEADS_BY_ID} WHERE h.kind = ?`,
      )
      .all(type.kind) as { id: string; rev: number; nonce: string | null }[];
  }

  /**
   * The same fingerprints as one string, `id rev nonce` entries joined by commas in the order
   * `fingerprints` returns them (one scan of heads), made by SQLite: comparing it with what a cache
   * expects costs no object per record. Null when there are none.
   */
  fingerprintList(type: RecordType<unknown>): string | null {
    const row = this.sql(
      // A head without its record row gets an empty nonce: an entry no cache holds (never left out).
      `SELECT group_concat(h.id || ' ' || h.rev || ' ' || coalesce(${CURRENT_NONCE_HEX}, ''), ',') AS list
       FROM ${HEADS_BY_ID} WHERE h.kind = ?`,
    ).get(type.kind) as { list: string | null };
    return row.list;
  }

  /** Every current record of a kind; records that fail authentication or their schema are counted, not shown. */
  loadAll<T>(type: RecordType<T>): { records: StoredRecord<T>[]; damaged: string[] } {
    const records: StoredRecord<T>[] = [];
    const damaged = this.forEach(type, (r) => records.push(r));
    return { records, damaged };
  }

  /**
   * Hands every current record of a kind to `fn`, one at a time, and returns the ids of those that
   * fail authentication or their schema. Each payload can be dropped as soon as `fn` returns, so
   * reading every note keeps only what `fn` keeps (garbage that dies young costs the collector
   * almost nothing; ~100 MB of payloads held to the end was most of an unlock's time). `mapped`
   * for a read of most of the file (every note whose summary could not be used).
   */
  forEach<T>(type: RecordType<T>, fn: (record: StoredRecord<T>) => void, o: { mapped?: boolean } = {}): string[] {
    return this.scan(type, fn, { ...o, after: null, limit: -1 }).damaged;
  }

  /**
   * `forEach` for the `limit` records after id `after` (null: from the first), in id order, so a
   * long read can go on between other queries. `last` is the id to go on after; null at the end.
   */
  page<T>(type: RecordType<T>, after: string | null, limit: number, fn: (record: StoredRecord<T>) => void): { damaged: string[]; last: string | null } {
    return this.scan(type, fn, { after, limit });
  }

  private scan<T>(
    type: RecordType<T>,
    fn: (record: StoredRecord<T>) => void,
    o: { mapped?: boolean; after: string | null; limit: number },
  ): { damaged: string[]; last: string | null } {
    const damaged: string[] = [];
    let last: string | null = null;
    let seen = 0;
    // Memory-mapped while every note is read once (the first unlock of a vault without summaries):
    // pages come straight from the OS cache instead of one read() each. Only ciphertext is mapped,
    // and the map is dropped after, so those pages do not stay counted against the app. Not for
    // small kinds (clients at every unlock): there a page fault per record costs more than the read() it saves.
    if (o.mapped) this.db.pragma(`mmap_size = ${LOAD_ALL_MAP_BYTES}`);
    try {
      // Row by row, not `.all()`: each ciphertext is dropped once opened. Unmapped, as hex text:
      // no buffer per row (see OpenHex); mapped, the bytes come straight from the map.
      const sealed = o.mapped ? 'r.nonce, r.ciphertext' : 'hex(r.nonce) || hex(r.ciphertext) AS sealed';
      const rows = (
        o.after === null && o.limit < 0
          ? this.sql(`SELECT h.id, h.rev, ${sealed} FROM heads h LEFT JOIN records r ON r.id = h.id AND r.rev = h.rev WHERE h.kind = ?`).iterate(type.kind)
          : this.sql(
              `SELECT h.id, h.rev, ${sealed} FROM ${HEADS_BY_ID} LEFT JOIN records r ON r.id = h.id AND r.rev = h.rev
               WHERE h.kind = ? AND h.id > ? ORDER BY h.id LIMIT ?`,
            ).iterate(type.kind, o.after ?? '', o.limit)
      ) as IterableIterator<{ id: string; rev: number; sealed?: string | null } & Partial<SealedRow>>;
      withOpener(this.key, (openOne, openHex) => {
        for (const row of rows) {
          const plain = row.sealed
            ? openHex(row.sealed, this.adText(row.id, type.kind, row.rev))
            : row.nonce && row.ciphertext
              ? openOne(row.nonce, row.ciphertext, this.ad(row.id, type.kind, row.rev))
              : null;
          const payload = plain && parse(type.schema, plain);
          if (payload) fn({ id: row.id, kind: type.kind, rev: row.rev, payload: payload.value });
          else damaged.push(row.id);
          last = row.id;
          seen++;
        }
      });
    } finally {
      if (o.mapped) this.db.pragma('mmap_size = 0');
    }
    return { damaged, last: seen === o.limit ? last : null };
  }

  /**
   * The summary of every current record of a kind, in id order, without reading the records:
   * null for one that has none (sealed before summaries existed), whose summary is of another
   * revision, or that fails to open or fit its schema. The caller then reads that record whole.
   */
  summaries<T, S>(type: RecordType<T, S>, fn: (id: string, rev: number, summary: S | null) => void): void {
    const schema = type.summary;
    if (!schema) throw new Error(`${type.kind} records have no summary`);
    // The sealed bytes as hex text: no buffer per row (see OpenHex).
    const rows = this.sql(
      `SELECT h.id, h.rev, s.rev AS srev, hex(s.nonce) || hex(s.sealed) AS sealed
       FROM ${HEADS_BY_ID} LEFT JOIN summaries s ON s.id = h.id WHERE h.kind = ?`,
    ).iterate(type.kind) as IterableIterator<{ id: string; rev: number; srev: number | null; sealed: string | null }>;
    withOpener(this.key, (_openOne, openHex) => {
      for (const row of rows) {
        const plain = row.srev === row.rev && row.sealed ? openHex(row.sealed, this.summaryAdText(row.id, type.kind, row.rev)) : null;
        fn(row.id, row.rev, (plain && parse(schema, plain)?.value) ?? null);
      }
    });
  }

  /**
   * Seals the summary of each record's revision `rev` (its current one), replacing the one of an
   * earlier revision (only the current one is ever read). One transaction.
   */
  writeSummaries<T, S>(type: RecordType<T, S>, summaries: readonly { id: string; rev: number; summary: S }[]): void {
    if (summaries.length === 0) return;
    this.db.transaction(() => {
      for (const s of summaries) {
        const plain = enc.encode(JSON.stringify(s.summary));
        const { nonce, ciphertext } = seal(this.key, plain, enc.encode(this.summaryAdText(s.id, type.kind, s.rev)));
        plain.fill(0);
        this.sql('INSERT OR REPLACE INTO summaries (id, rev, nonce, sealed) VALUES (?, ?, ?, ?)').run(s.id, s.rev, nonce, ciphertext);
      }
    })();
  }
}

/**
 * The payload if it is JSON that fits the schema, else undefined. The decrypted bytes are wiped
 * after parsing: only the parsed value (needed) stays in memory.
 */
function parse<T>(schema: z.ZodType<T>, plain: Uint8Array): { value: T } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(dec.decode(plain));
  } catch {
    return undefined;
  } finally {
    plain.fill(0);
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { value: parsed.data } : undefined;
}
