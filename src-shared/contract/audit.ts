import { z } from 'zod';
import { empty, fileHandle, id, type ChannelSpec } from './common';

/**
 * The audit trail (HIPAA §164.312(b)): who-did-what events, encrypted and hash-chained in the
 * vault (docs/audit-format.md). An entry holds a time, a type, at most a record id and a short
 * code; never note content, client names, paths or credentials.
 */
export const AUDIT_EVENT_TYPES = [
  'vault.created',
  'vault.unlocked',
  'vault.unlockFailed',
  'vault.locked',
  'vault.passwordChanged',
  'vault.recoveryKeyUsed',
  'vault.recoveryKeyRotated',
  'vault.custodianUnlocked',
  'custodians.named',
  'custodians.revoked',
  'vault.keyFileAdded',
  'client.created',
  'client.updated',
  'client.archived',
  'client.unarchived',
  'client.purged',
  'note.created',
  'note.opened',
  'note.signed',
  'note.addendumAdded',
  'note.trashed',
  'note.restored',
  'note.exported',
  'note.printed',
  'trash.emptied',
  'backup.created',
  'backup.verified',
  'backup.restored',
  'backup.drilled',
  'export.created',
  'record.transferred',
  'export.printed',
  'settings.changed',
  'profile.updated',
  'consent.added',
  'consent.revoked',
  'incident.recorded',
  'incident.exported',
  'measure.added',
  'measure.changed',
  'plan.created',
  'plan.changed',
  'audit.exported',
] as const;
export const auditEventType = z.enum(AUDIT_EVENT_TYPES);

/** A short machine code, e.g. `idle`, `notes=12`, `idleLockMinutes,backupKeep`. Never free text. */
export const auditDetail = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.:=,_-]{0,119}$/);

export const auditEntry = z.object({
  /** 1, 2, 3… in the order written; the chain's position. */
  seq: z.number().int().min(1),
  /** Epoch ms. Entries written while locked keep the time they happened. */
  time: z.number(),
  type: auditEventType,
  /** The note or client the event is about (an opaque id). */
  recordId: id.optional(),
  detail: auditDetail.optional(),
  /** Absent when the clinician acted; `custodian` for everything done in a session opened with custodian shares. */
  by: z.enum(['custodian']).optional(),
  /**
   * Recorded while the vault was locked (a failed unlock): its type and time waited unsealed
   * beside the vault until the next unlock, which sealed it with its time clamped after the last
   * sealed entry. Show as "recorded while locked".
   */
  whileLocked: z.literal(true).optional(),
});

/** Which entries to show or export: a time range (inclusive, epoch ms), one event type, one record or one client. */
export const auditFilter = z
  .object({
    from: z.number().optional(),
    to: z.number().optional(),
    type: auditEventType.optional(),
    recordId: id.optional(),
    /** Entries about the client or any of their notes. */
    clientId: id.optional(),
  })
  .strict();

/**
 * An entry as shown to a person: the stored fields, and a sentence naming the client and note
 * ("Opened note 'Session 4' for M. Okafor"). Names are looked up in the unlocked vault each time
 * the trail is read; the stored entry never holds them.
 */
export const readableAuditEntry = auditEntry.extend({
  text: z.string(),
  /** The client the entry is about, when it is about one (directly or through a note). */
  clientId: id.optional(),
});

export const auditContract = {
  /** Readable entries, newest first. VAULT_LOCKED while locked. */
  'audit.list': { input: auditFilter, output: z.array(readableAuditEntry) },
  /**
   * Checks every link of the chain, its head and the anchors kept outside the vault file.
   * `entries` counts the stored rows; `firstBadIndex` (0-based, oldest first) is where the first
   * problem is, and `problem` what it is: `entry` (a row deleted, edited, reordered or inserted),
   * `removed` (rows missing from the end, or the whole trail), `diverged` (the trail no longer
   * holds an entry anchored outside the vault: its tail was replaced), `anchor-missing` (the
   * anchor the trail says was kept outside the vault is gone).
   */
  'audit.verify': {
    input: empty,
    output: z.object({
      ok: z.boolean(),
      entries: z.number().int().min(0),
      firstBadIndex: z.number().int().min(0).optional(),
      problem: z.enum(['entry', 'removed', 'diverged', 'anchor-missing']).optional(),
    }),
  },
  /** The (filtered) trail for an auditor, oldest first, as PDF or CSV in `folder` (an 'export-folder' handle). The export is itself recorded. */
  'audit.export': {
    input: z.object({ format: z.enum(['pdf', 'csv']), folder: fileHandle, filter: auditFilter.default({}) }).strict(),
    output: z.object({ path: z.string(), entries: z.number().int().min(0) }),
  },
} as const satisfies Record<`audit.${string}`, ChannelSpec>;

export type AuditEventType = z.output<typeof auditEventType>;
export type AuditEntry = z.output<typeof auditEntry>;
export type AuditFilter = z.output<typeof auditFilter>;
export type ReadableAuditEntry = z.output<typeof readableAuditEntry>;
export type AuditVerifyResult = z.output<(typeof auditContract)['audit.verify']['output']>;
