import { z } from 'zod';
import { auditEventType, type AuditEventType } from '../../../src-shared/contract/audit';
import type { Db } from '../vault/vault-db';

/**
 * Events that happen while the vault is locked (a wrong password, a create that was locked
 * before it finished) cannot be sealed: the audit keys come from the master key. They wait
 * here, in plaintext meta, as type + time only, and are folded into the chain at the next unlock.
 */
const PENDING_KEY = 'audit_pending';
/** Bounds the row: unlock attempts are rate-limited, so this is years of wrong passwords. */
export const MAX_PENDING = 1000;

const pendingList = z.array(z.object({ type: auditEventType, time: z.number() }));
export type PendingEvent = z.output<typeof pendingList>[number];

export function readPending(db: Db): PendingEvent[] {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(PENDING_KEY) as { value: string } | undefined;
  if (!row) return [];
  try {
    const parsed = pendingList.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : [];
  } catch {
    return []; // A damaged row must never stop an unlock.
  }
}

export function addPending(db: Db, type: AuditEventType, time: number): void {
  const list = [...readPending(db), { type, time }].slice(-MAX_PENDING);
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    PENDING_KEY,
    JSON.stringify(list),
  );
}

export function clearPending(db: Db): void {
  db.prepare('DELETE FROM meta WHERE key = ?').run(PENDING_KEY);
}
