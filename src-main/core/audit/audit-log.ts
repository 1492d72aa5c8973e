import { auditEntry, type AuditEntry, type AuditEventType, type AuditVerifyResult } from '../../../src-shared/contract/audit';
import { auditChainKey, auditSealKey, type AuditChainKey, type AuditSealKey, type MasterKey } from '../crypto/keys';
import { constantTimeEqual, fromHex, keyedHash, memzero, open, seal, toHex } from '../crypto/sodium';
import type { Db } from '../vault/vault-db';
import { clearPending, readPending } from './audit-pending';

const enc = new TextEncoder();
const dec = new TextDecoder();
const FORMAT = 'sessionvault/audit/v1';
const HEAD_KEY = 'audit_head';
/** Written as `prev` when the head could not be trusted: the next verify reports the break. */
const BROKEN = new Uint8Array(32);

/** What a caller records. `detail` is a short code (contract `auditDetail`), never free text. */
export interface AuditEvent {
  type: AuditEventType;
  recordId?: string;
  detail?: string;
  /** Record this type and record id at most once per unlocked session (not stored). */
  oncePerSession?: boolean;
}

export interface AuditFilter {
  from?: number;
  to?: number;
  type?: AuditEventType;
  recordId?: string;
}

interface Row {
  seq: number;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
  mac: Uint8Array;
}

interface Head {
  seq: number;
  mac: Uint8Array;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The audit trail: one encrypted row per event in `audit`, each row's `mac` a keyed BLAKE2b over
 * the previous row's mac, its seq, nonce and ciphertext. An authenticated head in meta (last seq
 * + mac) makes a deleted tail visible too. See docs/audit-format.md.
 */
export class AuditLog {
  private readonly sealKey: AuditSealKey;
  private readonly chainKey: AuditChainKey;

  constructor(
    private readonly db: Db,
    private readonly vaultId: string,
    masterKey: MasterKey,
    private readonly now: () => number,
  ) {
    // Separate keys for secrecy and for the chain: a MAC key never doubles as an encryption key.
    this.sealKey = auditSealKey(masterKey);
    this.chainKey = auditChainKey(masterKey);
  }

  /** Seals events recorded while locked into the chain, oldest first. Never throws: unlock must not fail on the log. */
  foldPending(): void {
    try {
      this.db.transaction(() => {
        for (const p of readPending(this.db)) this.appendRow({ type: p.type }, p.time);
        clearPending(this.db);
      })();
    } catch {
      // Left in meta for the next unlock.
    }
  }

  /** Appends one sealed, chained entry in its own transaction and returns its seq. */
  append(event: AuditEvent, time = this.now()): number {
    return this.db.transaction(() => this.appendRow(event, time))();
  }

  /** Readable entries, newest first. Rows that fail authentication are left out (verify reports them). */
  list(filter: AuditFilter = {}): AuditEntry[] {
    const out: AuditEntry[] = [];
    for (const row of this.rows() ?? []) {
      const entry = this.openRow(row);
      if (!entry) continue;
      if (filter.from !== undefined && entry.time < filter.from) continue;
      if (filter.to !== undefined && entry.time > filter.to) continue;
      if (filter.type && entry.type !== filter.type) continue;
      if (filter.recordId && entry.recordId !== filter.recordId) continue;
      out.push(entry);
    }
    return out.reverse();
  }

  /** Walks the chain oldest first; the first deleted, edited, reordered or inserted row is reported by index. */
  verify(): AuditVerifyResult {
    const rows = this.rows();
    if (!rows) return { ok: false, entries: 0, firstBadIndex: 0 };
    let prev = this.genesis();
    for (const [i, row] of rows.entries()) {
      const intact =
        row.seq === i + 1 && constantTimeEqual(this.link(prev, row), row.mac) && this.openRow(row)?.seq === row.seq;
      if (!intact) return { ok: false, entries: rows.length, firstBadIndex: i };
      prev = row.mac;
    }
    const head = this.readHead();
    const last = rows[rows.length - 1];
    if (!last) return head === undefined ? { ok: true, entries: 0 } : { ok: false, entries: 0, firstBadIndex: 0 };
    // No head, a forged head, or a head past the last row: entries after the last one were removed.
    if (!head || head.seq !== last.seq || !constantTimeEqual(head.mac, last.mac)) {
      return { ok: false, entries: rows.length, firstBadIndex: head && head.seq < last.seq ? head.seq : rows.length };
    }
    return { ok: true, entries: rows.length };
  }

  /** Zeroes the audit keys (at lock). */
  close(): void {
    memzero(this.sealKey, this.chainKey);
  }

  private appendRow(event: AuditEvent, time: number): number {
    const head = this.readHead();
    const maxRow = (this.db.prepare('SELECT MAX(seq) AS seq FROM audit').get() as { seq: number | null }).seq ?? 0;
    let seq: number;
    let prev: Uint8Array;
    if (head && head.seq >= maxRow) {
      // From the authenticated head, not from the rows: a deleted tail leaves a gap verify sees.
      seq = head.seq + 1;
      prev = head.mac;
    } else if (head === undefined && maxRow === 0) {
      seq = 1;
      prev = this.genesis();
    } else {
      seq = Math.max(maxRow, head?.seq ?? 0) + 1;
      prev = BROKEN;
    }
    // A field that does not fit its schema is dropped, never written: an entry that fails to
    // parse back would read as tampering. The event itself is still recorded.
    const fits = (key: 'recordId' | 'detail', v: string | undefined) => v !== undefined && auditEntry.shape[key].safeParse(v).success;
    const entry: AuditEntry = {
      seq,
      time,
      type: event.type,
      ...(fits('recordId', event.recordId) ? { recordId: event.recordId } : {}),
      ...(fits('detail', event.detail) ? { detail: event.detail } : {}),
    };
    const { nonce, ciphertext } = seal(this.sealKey, enc.encode(JSON.stringify(entry)), this.ad(seq));
    const mac = this.link(prev, { seq, nonce, ciphertext });
    this.db.prepare('INSERT INTO audit (seq, nonce, ciphertext, mac) VALUES (?, ?, ?, ?)').run(seq, nonce, ciphertext, mac);
    this.writeHead({ seq, mac });
    return seq;
  }

  /** null when the table itself was dropped: reported by verify, never a crash. */
  private rows(): Row[] | null {
    try {
      return this.db.prepare('SELECT seq, nonce, ciphertext, mac FROM audit ORDER BY seq').all() as Row[];
    } catch (error) {
      if (/no such table/.test(String((error as Error | null)?.message))) return null;
      throw error;
    }
  }

  private openRow(row: Row): AuditEntry | null {
    const plain = open(this.sealKey, row.nonce, row.ciphertext, this.ad(row.seq));
    if (!plain) return null;
    try {
      const parsed = auditEntry.safeParse(JSON.parse(dec.decode(plain)));
      return parsed.success && parsed.data.seq === row.seq ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private ad(seq: number): Uint8Array {
    return enc.encode(`${FORMAT}|entry|${this.vaultId}|${seq}`);
  }

  private genesis(): Uint8Array {
    return keyedHash(this.chainKey, enc.encode(`${FORMAT}|genesis|${this.vaultId}`));
  }

  private link(prev: Uint8Array, row: Pick<Row, 'seq' | 'nonce' | 'ciphertext'>): Uint8Array {
    const label = enc.encode(`${FORMAT}|link|${this.vaultId}|${row.seq}|${row.nonce.length}|`);
    return keyedHash(this.chainKey, concat(label, prev, row.nonce, row.ciphertext));
  }

  private headTag(head: Head): Uint8Array {
    return keyedHash(this.chainKey, concat(enc.encode(`${FORMAT}|head|${this.vaultId}|${head.seq}|`), head.mac));
  }

  /** undefined: no head yet; null: a head that is damaged or not ours. */
  private readHead(): Head | null | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(HEAD_KEY) as { value: string } | undefined;
    if (!row) return undefined;
    try {
      const raw = JSON.parse(row.value) as { seq?: unknown; mac?: unknown; tag?: unknown };
      if (typeof raw.seq !== 'number' || typeof raw.mac !== 'string' || typeof raw.tag !== 'string') return null;
      const head = { seq: raw.seq, mac: fromHex(raw.mac) };
      return constantTimeEqual(this.headTag(head), fromHex(raw.tag)) ? head : null;
    } catch {
      return null;
    }
  }

  private writeHead(head: Head): void {
    const value = JSON.stringify({ seq: head.seq, mac: toHex(head.mac), tag: toHex(this.headTag(head)) });
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(HEAD_KEY, value);
  }
}
