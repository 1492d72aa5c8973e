import { z } from 'zod';
import { auditEntry, type AuditEntry, type AuditEventType, type AuditVerifyResult } from '../../../src-shared/contract/audit';
import { auditChainKey, auditSealKey, type AuditChainKey, type AuditSealKey, type MasterKey } from '../crypto/keys';
import { constantTimeEqual, fromHex, keyedHash, memzero, open, seal, toHex, withOpener } from '../crypto/sodium';
import type { Db } from '../vault/vault-db';
import { clearPending, LOCKED_EVENT_TYPE, readPending } from './audit-pending';

const enc = new TextEncoder();
const dec = new TextDecoder();
const FORMAT = 'sessionvault/audit/v1';
const HEAD_KEY = 'audit_head';
/** Left by migration 004 in a vault that had no trail yet: its first entry may be something other than `vault.created`. */
const TRAIL_START_KEY = 'audit_trail_start';
/** Written as `prev` when the head could not be trusted: the next verify reports the break. */
const BROKEN = new Uint8Array(32);

/** What a caller records. `detail` is a short code (contract `auditDetail`), never free text. */
export interface AuditEvent {
  type: AuditEventType;
  recordId?: string;
  detail?: string;
  /** Who acted when it was not the clinician: set by the session (AuditLog.actor), not by callers. */
  by?: 'custodian';
  /** Record this type and record id at most once per unlocked session (not stored). */
  oncePerSession?: boolean;
}

export interface AuditFilter {
  from?: number;
  to?: number;
  type?: AuditEventType;
  recordId?: string;
}

/**
 * Where the chain stood at some moment, kept outside the audit table and its head (the backup
 * log, the unlock cache): that entry's seq and link. A chain that no longer holds that entry, or
 * holds another one there, was cut or replaced. Hex, as the sealed files store it.
 */
export interface AuditAnchor {
  seq: number;
  mac: string;
}

/** What the sealed unlock cache remembers of the trail: an anchor and the notes it saw signed up to it. */
export interface AuditSummary {
  anchor: AuditAnchor;
  signedNotes: string[];
}

/**
 * The sealed entry: the contract's entry plus `anchored`, set on the lock entries after which an
 * anchor is written outside vault.db. A trail holding one promises that an anchor exists.
 */
const sealedEntry = auditEntry.extend({
  anchored: z.literal(true).optional(),
  /** On entry 1 of a trail begun in a vault older than the trail (schema migration 004 left the marker). */
  trailStart: z.literal('migrated').optional(),
});
type SealedEntry = z.output<typeof sealedEntry>;

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

const broken = (entries: number, at: number, problem: NonNullable<AuditVerifyResult['problem']>): AuditVerifyResult => ({
  ok: false,
  entries,
  firstBadIndex: at,
  problem,
});

export interface AuditLogOptions {
  /** Anchors kept outside vault.db, read when asked (the backup log is rewritten during a session). */
  outsideAnchors?: () => AuditAnchor[];
  /** After a restore the chain is the backup's: anchors from before it are set aside, not checked. */
  ignoreOutsideAnchors?: boolean;
}

/** Sealed entries after a seq, oldest first (`rows`). */
const ROWS_AFTER = 'SELECT seq, nonce, ciphertext, mac FROM audit WHERE seq > ? ORDER BY seq';
/**
 * The same entries for the unlock scan, one at a time: nonce and ciphertext only, as hex text
 * (OpenHex). Three buffers per row were most of the scan's time over ~24,000 entries.
 */
const SEALED_HEX_AFTER = 'SELECT seq, hex(nonce) || hex(ciphertext) AS sealed FROM audit WHERE seq > ? ORDER BY seq';

/**
 * The audit trail: one encrypted row per event in `audit`, each row's `mac` a keyed BLAKE2b over
 * the previous row's mac, its seq, nonce and ciphertext. An authenticated head in meta (last seq
 * + mac) makes a deleted tail visible; anchors kept outside vault.db make a head put back to an
 * older one, or a whole tail replaced, visible too. See docs/audit-format.md.
 */
export class AuditLog {
  private readonly sealKey: AuditSealKey;
  private readonly chainKey: AuditChainKey;
  /** Set for a custodian session: every entry appended from then on is stamped `by: 'custodian'`. */
  actor: 'custodian' | null = null;
  /** An outside anchor this chain does not hold, found at open: the next entry links to BROKEN, and it is kept as the anchor. */
  private cutAnchor: AuditAnchor | null = null;
  private breakPending = false;
  private readonly anchors: () => AuditAnchor[];
  /** Notes the trail says were signed (for the rollback check at unlock); filled by `open`. */
  private signed: Set<string> | null = null;

  constructor(
    private readonly db: Db,
    private readonly vaultId: string,
    masterKey: MasterKey,
    private readonly now: () => number,
    options: AuditLogOptions = {},
  ) {
    // Separate keys for secrecy and for the chain: a MAC key never doubles as an encryption key.
    this.sealKey = auditSealKey(masterKey);
    this.chainKey = auditChainKey(masterKey);
    this.anchors = options.ignoreOutsideAnchors ? () => [] : (options.outsideAnchors ?? (() => []));
  }

  /**
   * At unlock, before anything is appended: checks the chain against the anchors kept outside
   * vault.db and learns which notes it saw signed. When the chain no longer holds an anchor — or
   * promises one (an `anchored` lock entry) and none is left — entries were removed: the next
   * entry is linked to BROKEN, so the cut stays in the chain itself even if the anchors go later.
   * Returns the ids of the notes the trail saw signed.
   */
  open(cached: AuditSummary | null): Set<string> {
    const anchors = this.anchors();
    this.cutAnchor = anchors.find((a) => !this.holds(a)) ?? null;
    const { signed, promisesAnchor } = this.scan(cached);
    this.signed = signed;
    this.breakPending = this.cutAnchor !== null || (promisesAnchor && !anchors.length);
    return signed;
  }

  /**
   * Seals events recorded while locked into the chain, oldest first, each marked as such. Only a
   * failed unlock can happen while locked; anything else in the unsealed list was not written by
   * the app and is dropped. Times are clamped between the last sealed entry and now, so an entry
   * slipped into the list cannot claim a place in the past. Never throws: unlock must not fail on the log.
   */
  foldPending(): void {
    try {
      this.db.transaction(() => {
        const pending = readPending(this.db);
        if (!pending.length) return;
        const last = this.lastTime();
        const now = this.now();
        for (const p of pending) {
          if (p.type !== LOCKED_EVENT_TYPE) continue;
          this.appendRow({ type: LOCKED_EVENT_TYPE, ...(p.detail ? { detail: p.detail } : {}) }, Math.min(now, Math.max(last, p.time)), { whileLocked: true });
        }
        clearPending(this.db);
      })();
    } catch {
      // Left in meta for the next unlock.
    }
  }

  /** Appends one sealed, chained entry in its own transaction and returns its seq. */
  append(event: AuditEvent, time = this.now(), mark: { anchored?: true } = {}): number {
    const stamped: AuditEvent = this.actor ? { ...event, by: this.actor } : event;
    return this.db.transaction(() => this.appendRow(stamped, time, mark))();
  }

  /** Readable entries, newest first. Rows that fail authentication are left out (verify reports them). */
  list(filter: AuditFilter = {}): AuditEntry[] {
    const out: AuditEntry[] = [];
    for (const row of this.rows() ?? []) {
      const sealed = this.openRow(row);
      if (!sealed) continue;
      const { anchored: _promise, trailStart: _start, ...entry } = sealed;
      if (filter.from !== undefined && entry.time < filter.from) continue;
      if (filter.to !== undefined && entry.time > filter.to) continue;
      if (filter.type && entry.type !== filter.type) continue;
      if (filter.recordId && entry.recordId !== filter.recordId) continue;
      out.push(entry);
    }
    return out.reverse();
  }

  /**
   * Walks the chain oldest first and checks it against its head and the anchors kept outside
   * vault.db. Reports the first problem by index: an edited, reordered, inserted or deleted row
   * (`entry`); rows removed from the end, a head put back, or a tail replaced by another history
   * (`removed`, `diverged`); an anchor the trail promises but that is gone (`anchor-missing`).
   * A vault that was ever created has at least its `vault.created` entry: none is `removed` at 0.
   */
  verify(): AuditVerifyResult {
    const rows = this.rows();
    if (!rows?.length) return broken(0, 0, 'removed');
    const bad: AuditVerifyResult[] = [];
    let prev = this.genesis();
    let promisesAnchor = false;
    let verified = 0;
    for (const [i, row] of rows.entries()) {
      const entry = row.seq === i + 1 && constantTimeEqual(this.link(prev, row), row.mac) ? this.openRow(row) : null;
      // A trail begins with the vault's creation; one that begins elsewhere lost its start (unless it began at a migration).
      const begins = i > 0 || entry?.type === 'vault.created' || entry?.trailStart === 'migrated';
      if (!entry || !begins) {
        // A row linked to BROKEN is the app marking a cut it noticed when it came back.
        const marked = row.seq === i + 1 && constantTimeEqual(this.link(BROKEN, row), row.mac);
        bad.push(broken(rows.length, i, marked || (entry && !begins) ? 'removed' : 'entry'));
        break;
      }
      promisesAnchor ||= entry.anchored === true;
      prev = row.mac;
      verified = i + 1;
    }
    if (verified === rows.length) {
      const head = this.readHead();
      const last = rows[rows.length - 1]!;
      // No head, a forged head, or a head past the last row: entries after the last one were removed.
      if (!head || head.seq !== last.seq || !constantTimeEqual(head.mac, last.mac)) {
        bad.push(broken(rows.length, head && head.seq < last.seq ? head.seq : rows.length, 'removed'));
      }
    }
    // Only rows proven above are compared: past a break the chain says nothing anyway.
    const anchors = this.anchors();
    for (const a of anchors) {
      if (a.seq > verified) {
        if (verified === rows.length) bad.push(broken(rows.length, rows.length, 'removed'));
      } else if (!this.sameMac(rows[a.seq - 1]!.mac, a.mac)) bad.push(broken(rows.length, a.seq - 1, 'diverged'));
    }
    if (promisesAnchor && !anchors.length && verified === rows.length) bad.push(broken(rows.length, rows.length, 'anchor-missing'));
    return bad.sort((x, y) => x.firstBadIndex! - y.firstBadIndex!)[0] ?? { ok: true, entries: rows.length };
  }

  /**
   * The anchor to keep outside after this session: the current head, unless the chain no longer
   * holds an anchor found at open (then that one, so the cut stays visible). Null when there is
   * nothing trustworthy to anchor to.
   */
  anchorToKeep(): AuditAnchor | null {
    if (this.cutAnchor) return this.cutAnchor;
    try {
      const head = this.readHead();
      return head ? { seq: head.seq, mac: toHex(head.mac) } : null;
    } catch {
      return null;
    }
  }

  /**
   * Ids of the notes the trail saw signed, and whether it holds an `anchored` entry. With a summary
   * from the unlock cache whose anchor the chain still holds, only the entries after it are
   * decrypted (the cache exists, so the promise is kept); otherwise every entry is.
   */
  private scan(cached: AuditSummary | null): { signed: Set<string>; promisesAnchor: boolean } {
    let from = 0;
    const signed = new Set<string>();
    let promisesAnchor = false;
    if (cached && this.holds(cached.anchor)) {
      from = cached.anchor.seq;
      for (const id of cached.signedNotes) signed.add(id);
    }
    try {
      // Row by row: ~20,000 entries in a 10-year practice, each dropped once read, so none of them
      // lives long enough to cost the garbage collector a copy.
      const rows = this.db.prepare(SEALED_HEX_AFTER).iterate(from) as IterableIterator<{ seq: number; sealed: string }>;
      withOpener(this.sealKey, (_openOne, openHex) => {
        for (const row of rows) {
          const entry = this.scanRow(row.seq, openHex(row.sealed, this.adText(row.seq)));
          if (entry?.type === 'note.signed' && typeof entry.recordId === 'string' && entry.recordId) signed.add(entry.recordId);
          promisesAnchor ||= entry?.anchored === true;
        }
      });
    } catch {
      // A damaged table: verify reports it; the unlock goes on with what could be read.
    }
    return { signed, promisesAnchor };
  }

  /** What the unlock cache keeps of the trail for the next unlock, or null. */
  summary(): AuditSummary | null {
    const anchor = this.anchorToKeep();
    return anchor && this.signed ? { anchor, signedNotes: [...this.signed] } : null;
  }

  /** Zeroes the audit keys (at lock). */
  close(): void {
    memzero(this.sealKey, this.chainKey);
  }

  private appendRow(event: AuditEvent, time: number, mark: { anchored?: true; whileLocked?: true; trailStart?: 'migrated' }): number {
    const head = this.readHead();
    const maxRow = (this.db.prepare('SELECT MAX(seq) AS seq FROM audit').get() as { seq: number | null }).seq ?? 0;
    let seq: number;
    let prev: Uint8Array;
    if (head && head.seq >= maxRow && !this.breakPending) {
      // From the authenticated head, not from the rows: a deleted tail leaves a gap verify sees.
      seq = head.seq + 1;
      prev = head.mac;
    } else if (head === undefined && maxRow === 0 && !this.breakPending) {
      seq = 1;
      prev = this.genesis();
      if (event.type !== 'vault.created' && this.takeTrailStartMarker()) mark = { ...mark, trailStart: 'migrated' };
    } else {
      seq = Math.max(maxRow, head?.seq ?? 0) + 1;
      prev = BROKEN;
    }
    // A field that does not fit its schema is dropped, never written: an entry that fails to
    // parse back would read as tampering. The event itself is still recorded.
    const fits = (key: 'recordId' | 'detail', v: string | undefined) => v !== undefined && auditEntry.shape[key].safeParse(v).success;
    const entry: SealedEntry = {
      seq,
      time,
      type: event.type,
      ...(fits('recordId', event.recordId) ? { recordId: event.recordId } : {}),
      ...(fits('detail', event.detail) ? { detail: event.detail } : {}),
      ...(event.by ? { by: event.by } : {}),
      ...mark,
    };
    const { nonce, ciphertext } = seal(this.sealKey, enc.encode(JSON.stringify(entry)), this.ad(seq));
    const mac = this.link(prev, { seq, nonce, ciphertext });
    this.db.prepare('INSERT INTO audit (seq, nonce, ciphertext, mac) VALUES (?, ?, ?, ?)').run(seq, nonce, ciphertext, mac);
    this.writeHead({ seq, mac });
    if (seq === 1) this.db.prepare('DELETE FROM meta WHERE key = ?').run(TRAIL_START_KEY);
    this.breakPending = false;
    if (entry.type === 'note.signed' && entry.recordId) this.signed?.add(entry.recordId);
    return seq;
  }

  /** Whether migration 004 left the marker of a vault older than its trail (consumed by entry 1). */
  private takeTrailStartMarker(): boolean {
    return this.db.prepare('SELECT 1 FROM meta WHERE key = ?').get(TRAIL_START_KEY) !== undefined;
  }

  /** Whether the chain holds the anchored entry: a row at its seq with its link. */
  private holds(anchor: AuditAnchor): boolean {
    try {
      const row = this.db.prepare('SELECT mac FROM audit WHERE seq = ?').get(anchor.seq) as { mac: Uint8Array } | undefined;
      return row !== undefined && this.sameMac(row.mac, anchor.mac);
    } catch {
      return false; // A dropped or damaged table holds nothing.
    }
  }

  private sameMac(mac: Uint8Array, hex: string): boolean {
    return /^[0-9a-f]{64}$/.test(hex) && constantTimeEqual(mac, fromHex(hex));
  }

  /** The time of the newest readable entry (0 when there is none). */
  private lastTime(): number {
    const row = this.db.prepare('SELECT seq, nonce, ciphertext, mac FROM audit ORDER BY seq DESC LIMIT 1').get() as Row | undefined;
    return (row && this.openRow(row)?.time) ?? 0;
  }

  /** null when the table itself was dropped: reported by verify, never a crash. */
  private rows(afterSeq = 0): Row[] | null {
    try {
      return this.db.prepare(ROWS_AFTER).all(afterSeq) as Row[];
    } catch (error) {
      if (/no such table/.test(String((error as Error | null)?.message))) return null;
      throw error;
    }
  }

  /**
   * The three fields the unlock scan needs, read from an entry that authenticates, without building
   * it through the schema (every entry, ~20,000 in a 10-year practice, at the first unlock after a
   * restore). Each is compared exactly where it is used; `list` and `verify` read entries through the schema.
   */
  private scanRow(seq: number, plain: Uint8Array | null): { type?: unknown; recordId?: unknown; anchored?: unknown } | null {
    if (!plain) return null;
    try {
      const entry: unknown = JSON.parse(dec.decode(plain));
      return typeof entry === 'object' && entry !== null && (entry as { seq?: unknown }).seq === seq ? entry : null;
    } catch {
      return null;
    } finally {
      plain.fill(0);
    }
  }

  private openRow(row: Row): SealedEntry | null {
    const plain = open(this.sealKey, row.nonce, row.ciphertext, this.ad(row.seq));
    if (!plain) return null;
    try {
      const parsed = sealedEntry.safeParse(JSON.parse(dec.decode(plain)));
      return parsed.success && parsed.data.seq === row.seq ? parsed.data : null;
    } catch {
      return null;
    } finally {
      plain.fill(0);
    }
  }

  private ad(seq: number): Uint8Array {
    return enc.encode(this.adText(seq));
  }

  private adText(seq: number): string {
    return `${FORMAT}|entry|${this.vaultId}|${seq}`;
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
