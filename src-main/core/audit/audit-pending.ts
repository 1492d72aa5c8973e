import { z } from 'zod';
import { auditDetail } from '../../../src-shared/contract/audit';
import type { Db } from '../vault/vault-db';

/**
 * Events that happen while the vault is locked cannot be sealed: the audit keys come from the
 * master key. Only one kind can happen then — a failed unlock (of the vault, or of a backup of
 * it) — and it waits here, in plaintext meta, as time and an optional short code, until the next
 * unlock seals it into the chain marked "recorded while locked" (audit-log.ts `foldPending`).
 * Someone with the file can delete or add to this list; folding keeps only this one type and
 * clamps the times, so what they add can never pose as anything else or claim a place in the past.
 */
const PENDING_KEY = 'audit_pending';
/** Bounds the row: unlock attempts are rate-limited, so this is years of wrong passwords. */
export const MAX_PENDING = 1000;

/** The one event type that can be recorded while locked. */
export const LOCKED_EVENT_TYPE = 'vault.unlockFailed' as const;

const pendingEvent = z.object({ type: z.string(), time: z.number(), detail: auditDetail.optional() });
export type PendingEvent = z.output<typeof pendingEvent>;

export function readPending(db: Db): PendingEvent[] {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(PENDING_KEY) as { value: string } | undefined;
  if (!row) return [];
  try {
    const parsed = z.array(pendingEvent).safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : [];
  } catch {
    return []; // A damaged row must never stop an unlock.
  }
}

/** Keeps a failed unlock for the next unlock to seal; any other type is not something that happens while locked. */
export function addPending(db: Db, event: { type: string; detail?: string }, time: number): void {
  if (event.type !== LOCKED_EVENT_TYPE) return;
  const detail = event.detail !== undefined && auditDetail.safeParse(event.detail).success ? { detail: event.detail } : {};
  const list = [...readPending(db), { type: event.type, time, ...detail }].slice(-MAX_PENDING);
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    PENDING_KEY,
    JSON.stringify(list),
  );
}

export function clearPending(db: Db): void {
  db.prepare('DELETE FROM meta WHERE key = ?').run(PENDING_KEY);
}
