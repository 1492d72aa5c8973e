import type { Channel } from './ipc';

/**
 * What a vault opened by its records custodians may do: read, export records, make and check
 * backups, transfer a record to another clinician, lock. Everything else — every edit, setting and credential change, and any channel
 * added later that is not listed here — answers READ_ONLY (service.ts checks before anything runs).
 */
export const CUSTODIAN_CHANNELS = [
  'vault.status',
  'vault.lock',
  'session.activity',
  'session.flushDone',
  'session.copied',
  'notes.list',
  'notes.get',
  'notes.history',
  'notes.getRevision',
  'clients.list',
  'clients.get',
  'consent.list',
  'consent.history',
  'search.query',
  'settings.get',
  'retention.list',
  'audit.list',
  'audit.verify',
  'audit.export',
  // The clinician's identity, read for the signature lines of the documents a custodian hands over.
  'profile.get',
  'export.client',
  'export.note',
  // Printing is exporting on paper: recorded in the trail like an export (by: custodian).
  'print.note',
  'print.record',
  'print.page',
  // A transfer of care is an export; it writes one record, its disclosure (by: custodian).
  'transfer.client',
  'transfer.list',
  'files.choose',
  'drives.list',
  'backup.create',
  'backup.verify',
  'backup.drill',
  'backup.list',
  'backup.status',
  'backup.lastFolder',
] as const satisfies readonly Channel[];

const allowed: ReadonlySet<string> = new Set(CUSTODIAN_CHANNELS);

export function custodianMayUse(channel: Channel): boolean {
  return allowed.has(channel);
}

export const READ_ONLY_MESSAGE =
  'This vault was opened by its records custodians and is read-only: records can be read, exported and backed up, but nothing can be changed.';
