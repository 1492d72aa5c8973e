import type { z } from 'zod';
import type { Result } from '../src-shared/errors';
import type { Channel, Contract, Output } from '../src-shared/ipc';
import type { AuditEvent } from './core/audit/audit-log';
import { driveDetail, recordsDetail } from './core/audit/audit-text';

type In<C extends Channel> = z.output<Contract[C]['input']>;
type Rule<C extends Channel> = (input: In<C>, output: Output<C>) => AuditEvent;

/**
 * Which successful call writes which audit event: the one place that decides, applied by the
 * service after every invoke. Of the reads, opening a note is logged (once per note per session);
 * exports and printouts are. Note edits are not (every revision is kept in the note's history).
 * Lock events come from the lock coordinator (with the reason).
 * Only ids and short codes go in: never a path, a name or any text the clinician typed.
 * `vault.created` is sealed by VaultManager.create itself as the chain's first entry, even when a
 * lock overtook the create.
 */
const RULES: { [C in Channel]?: Rule<C> } = {
  'vault.unlock': (input) => ({
    type: 'custodianShares' in input ? 'vault.custodianUnlocked' : 'recoveryKey' in input ? 'vault.recoveryKeyUsed' : 'vault.unlocked',
  }),
  'vault.changePassword': () => ({ type: 'vault.passwordChanged' }),
  'vault.rotateRecoveryKey': () => ({ type: 'vault.recoveryKeyRotated' }),
  'vault.addKeyFile': () => ({ type: 'vault.keyFileAdded' }),
  // Numbers only: the custodians' names stay in their encrypted record.
  'custodians.name': (input) => ({ type: 'custodians.named', detail: `threshold=${input.threshold},shares=${input.names.length}` }),
  'custodians.revoke': () => ({ type: 'custodians.revoked' }),
  'clients.create': (_i, out) => ({ type: 'client.created', recordId: out.id }),
  'clients.update': (_i, out) => ({ type: 'client.updated', recordId: out.id }),
  'clients.archive': (_i, out) => ({ type: 'client.archived', recordId: out.id }),
  'clients.unarchive': (_i, out) => ({ type: 'client.unarchived', recordId: out.id }),
  'notes.create': (_i, out) => ({ type: 'note.created', recordId: out.id }),
  'notes.sign': (_i, out) => ({ type: 'note.signed', recordId: out.id }),
  'notes.addAddendum': (_i, out) => ({ type: 'note.addendumAdded', recordId: out.id }),
  'notes.trash': (_i, out) => ({ type: 'note.trashed', recordId: out.id }),
  'notes.restore': (_i, out) => ({ type: 'note.restored', recordId: out.id }),
  'notes.emptyTrash': (_i, out) => ({ type: 'trash.emptied', detail: `deleted=${out.deleted},keptSigned=${out.keptSigned}` }),
  // The drive's label, as the clinician named the stick ("KINGSTON"): never its path.
  'backup.create': (_i, out) => ({ type: 'backup.created', detail: `notes=${out.notes}${driveDetail(out.drive)}` }),
  'backup.verify': (_i, out) => ({ type: 'backup.verified', detail: `notes=${out.notes},${out.sameVault ? 'same-vault' : 'other-vault'}${driveDetail(out.drive)}` }),
  'backup.drill': (_i, out) => ({ type: 'backup.drilled', detail: `notes=${out.notes},damaged=${out.damaged}` }),
  'backup.restore': (_i, out) => ({ type: 'backup.restored', detail: `notes=${out.notes}` }),
  'export.client': (input, out) => ({ type: 'export.created', recordId: input.clientId, detail: recordsDetail(input.format, out.counts) }),
  'export.note': (input) => ({ type: 'note.exported', recordId: input.id, detail: 'pdf' }),
  'print.note': (input) => ({ type: 'note.printed', recordId: input.id }),
  'print.record': (input, out) => ({ type: 'export.printed', recordId: input.clientId, detail: recordsDetail('print', out.counts) }),
  // Who received it stays in the encrypted disclosure record; the trail names that record by id.
  'transfer.client': (input, out) => ({
    type: 'record.transferred',
    recordId: input.clientId,
    detail: `${out.disclosure.format},notes=${out.disclosure.notes},psychotherapy=${out.disclosure.psychotherapyNotes},${out.disclosure.method},disclosure=${out.disclosure.id}`,
  }),
  // Access audit: reading a note is recorded once per note per unlocked session (not on every autosave reload).
  'notes.get': (input) => ({ type: 'note.opened', recordId: input.id, oncePerSession: true }),
  'notes.getRevision': (input) => ({ type: 'note.opened', recordId: input.id, oncePerSession: true }),
  'audit.export': (input, out) => ({ type: 'audit.exported', detail: `${input.format},entries=${out.entries}` }),
  'retention.purge': (_i, out) => ({ type: 'client.purged', recordId: out.clientId, detail: `notes=${out.deletedNotes}` }),
  // The client's id, so the trail of one client shows its consents; the type is a fixed word.
  'consent.add': (_i, out) => ({ type: 'consent.added', recordId: out.clientId, detail: out.type }),
  'consent.revoke': (_i, out) => ({ type: 'consent.revoked', recordId: out.clientId, detail: out.type }),
  'incident.create': (_i, out) => ({ type: 'incident.recorded', recordId: out.id }),
  // The client's id, so one client's trail shows its measures and plan; a custom measure's name is the clinician's text, so only 'custom'.
  'measures.add': (_i, out) => ({ type: 'measure.added', recordId: out.clientId, detail: out.instrument }),
  'measures.update': (_i, out) => ({ type: 'measure.changed', recordId: out.clientId, detail: out.instrument }),
  'plan.save': (_i, out) => ({ type: out.rev === 1 ? 'plan.created' : 'plan.changed', recordId: out.clientId, detail: `rev=${out.rev}` }),
  'incident.export': (input) => ({ type: 'incident.exported', recordId: input.id }),
  // Setting names only: a value such as the backup folder could name a person.
  // Field names only: the profile itself is in the vault, with every revision.
  'profile.update': (input) => ({ type: 'profile.updated', detail: Object.keys(input).filter((k) => input[k as keyof typeof input]).join(',') }),
  'settings.update': (input) => ({ type: 'settings.changed', detail: Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined).join(',') || 'none' }),
};

/** Where a wrong password or Recovery Key is typed: the vault's own unlock, or a backup of it. */
const CREDENTIAL_FAILURES: Partial<Record<Channel, AuditEvent>> = {
  'vault.unlock': { type: 'vault.unlockFailed' },
  // A backup of this vault holds the same wrapped key: guessing there is guessing the vault's key.
  'backup.verify': { type: 'vault.unlockFailed', detail: 'backup' },
  'backup.restore': { type: 'vault.unlockFailed', detail: 'backup' },
};

/** The event a finished call should record, or null. A wrong password or Recovery Key is the one failure logged. */
export function auditEventFor(channel: Channel, input: unknown, result: Result<unknown>): AuditEvent | null {
  if (!result.ok) return result.error.code === 'WRONG_CREDENTIALS' ? (CREDENTIAL_FAILURES[channel] ?? null) : null;
  const rule = RULES[channel] as ((input: unknown, output: unknown) => AuditEvent) | undefined;
  return rule ? rule(input, result.value) : null;
}

/** Channels that write an event on success (for tests and docs). */
export const AUDITED_CHANNELS = Object.keys(RULES) as Channel[];
