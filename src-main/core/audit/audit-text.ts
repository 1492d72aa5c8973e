import type { AuditEntry, AuditEventType } from '../../../src-shared/contract/audit';
import { auditEventName } from '../../../src-shared/audit-labels';
import { countOf, documentDate } from '../../../src-shared/document-text';

/**
 * The audit trail in sentences a person reads ("Opened note 'Session 4' for M. Okafor"). The
 * stored entry holds only ids and short codes; names come from the unlocked vault at the moment
 * the trail is read, so a client purged later is simply no longer named.
 */

/** What the vault knows now about the ids entries mention. */
export interface AuditSubjects {
  clientName(id: string): string | undefined;
  note(id: string): { title: string; serviceDate: string; clientId?: string } | undefined;
}

/** `pdf,notes=12,drafts=1` -> words and numbers. */
function parseDetail(detail: string | undefined): { words: Set<string>; numbers: Map<string, number>; values: Map<string, string> } {
  const words = new Set<string>();
  const numbers = new Map<string, number>();
  const values = new Map<string, string>();
  for (const part of (detail ?? '').split(',').filter(Boolean)) {
    const [key, value] = part.split('=', 2) as [string, string | undefined];
    if (value === undefined) {
      words.add(key);
      continue;
    }
    values.set(key, value);
    if (/^\d+$/.test(value)) numbers.set(key, Number(value));
  }
  return { words, numbers, values };
}

const LOCK_REASONS: Record<string, string> = {
  manual: 'Locked the vault',
  idle: 'Locked the vault after a period of inactivity',
  suspend: 'Locked the vault: the computer went to sleep',
  'screen-lock': 'Locked the vault: the screen was locked',
  hidden: 'Locked the vault: the window was hidden',
  quit: 'Locked the vault: SessionVault was closed',
};

const SETTING_NAMES: Record<string, string> = {
  idleLockMinutes: 'auto-lock time',
  lockWhenHiddenMinutes: 'lock when hidden',
  clipboardClearSeconds: 'clipboard clearing',
  backupDir: 'backup folder',
  backupKeep: 'backups kept',
  backupReminderDays: 'backup reminder',
  retentionYears: 'retention period',
};

const CONSENT_NAMES: Record<string, string> = {
  treatment: 'treatment',
  'electronic-records': 'electronic records',
  telehealth: 'telehealth',
  'release-of-information': 'release of information',
};

const FORMATS: Record<string, string> = { pdf: 'PDF', html: 'HTML', csv: 'CSV' };

/** Longer titles are cut: the line names the note, it does not reproduce it. */
function quoted(title: string): string {
  const t = title.trim().replace(/\s+/g, ' ');
  return `'${t.length > 60 ? `${t.slice(0, 59)}…` : t}'`;
}

/** The client an entry is about, directly or through its note. */
export function clientOf(entry: AuditEntry, subjects: AuditSubjects): string | undefined {
  if (!entry.recordId) return undefined;
  if (entry.type.startsWith('note.')) return subjects.note(entry.recordId)?.clientId;
  if (entry.type.startsWith('client.') || entry.type.startsWith('consent.') || entry.type.startsWith('export.')) return entry.recordId;
  return undefined;
}

/** The readable sentence of one entry. */
export function describeEntry(entry: AuditEntry, subjects: AuditSubjects): string {
  const { words, numbers, values } = parseDetail(entry.detail);
  const n = (key: string) => numbers.get(key) ?? 0;
  const id = entry.recordId;
  const clientName = (clientId: string | undefined) => (clientId ? subjects.clientName(clientId) : undefined);
  const client = () => clientName(id) ?? 'a client no longer in the vault';
  const note = () => {
    const found = id ? subjects.note(id) : undefined;
    if (!found) return 'a note no longer in the vault';
    const what = found.title.trim() ? `note ${quoted(found.title)}` : `the note of ${documentDate(found.serviceDate)}`;
    const owner = clientName(found.clientId);
    return owner ? `${what} for ${owner}` : what;
  };
  const format = () => [...words].map((w) => FORMATS[w]).find(Boolean);
  const records = (printing: boolean) => {
    const parts = [
      ...(printing ? [] : [format() ?? 'file']),
      countOf(n('notes'), 'note'),
      ...(n('drafts') ? [`${countOf(n('drafts'), 'unsigned draft')} marked as such`] : []),
      'psychotherapy notes left out',
      ...(n('unsigned') ? [`${countOf(n('unsigned'), 'unsigned draft')} left out`] : []),
    ];
    return printing ? `records for ${client()} for printing (${parts.join(', ')})` : `records for ${client()} (${parts.join(', ')})`;
  };

  const sentences: Partial<Record<AuditEventType, () => string>> = {
    'vault.created': () => 'Created the vault',
    'vault.unlocked': () => 'Unlocked the vault',
    'vault.unlockFailed': () => (words.has('backup') ? 'A wrong password or Recovery Key was entered for a backup file' : 'A wrong password or Recovery Key was entered'),
    'vault.locked': () => LOCK_REASONS[entry.detail ?? 'manual'] ?? 'Locked the vault',
    'vault.passwordChanged': () => 'Changed the password',
    'vault.recoveryKeyUsed': () => 'Unlocked the vault with the Recovery Key',
    'vault.recoveryKeyRotated': () => 'Made a new Recovery Kit (the old one no longer works)',
    'client.created': () => `Added client ${client()}`,
    'client.updated': () => `Changed the details of ${client()}`,
    'client.archived': () => `Archived ${client()}`,
    'client.unarchived': () => `Took ${client()} out of the archive`,
    'client.purged': () => `Deleted the record of ${clientName(id) ?? 'a client'} at the end of its retention period (${countOf(n('notes'), 'note')})`,
    'note.created': () => `Created ${note()}`,
    'note.opened': () => `Opened ${note()}`,
    'note.signed': () => `Signed ${note()}`,
    'note.addendumAdded': () => `Added an addendum to ${note()}`,
    'note.trashed': () => `Moved ${note()} to the trash`,
    'note.restored': () => `Restored ${note()} from the trash`,
    'note.exported': () => `Exported ${note()} (${format() ?? 'PDF'})`,
    // Recorded when laid out for printing, before the print dialog (which can still be cancelled).
    'note.printed': () => `Prepared ${note()} for printing`,
    'trash.emptied': () =>
      `Emptied the trash (${countOf(n('deleted'), 'note')} deleted for good${n('keptSigned') ? `, ${countOf(n('keptSigned'), 'signed note')} kept` : ''})`,
    'backup.created': () => `Made a verified backup${onDrive()}${numbers.has('notes') ? ` (${countOf(n('notes'), 'note')})` : ''}`,
    'backup.verified': () =>
      words.has('other-vault')
        ? `Checked a backup of another vault${onDrive()}`
        : `Backup verified${onDrive()}${numbers.has('notes') ? ` (${countOf(n('notes'), 'note')})` : ''}`,
    'backup.restored': () => `Restored the vault from a backup (${countOf(n('notes'), 'note')})`,
    'backup.drilled': () =>
      n('damaged') ? `Restore drill: ${countOf(n('notes'), 'note')}, ${n('damaged')} damaged` : `Restore drill passed (${countOf(n('notes'), 'note')}, none damaged)`,
    'export.created': () => `Exported ${records(false)}`,
    'export.printed': () => `Prepared ${records(true)}`,
    'settings.changed': () => {
      const names = (entry.detail ?? '').split(',').filter((k) => k && k !== 'none').map((k) => SETTING_NAMES[k] ?? k);
      return names.length ? `Changed settings: ${names.join(', ')}` : 'Saved settings (nothing changed)';
    },
    'profile.updated': () => 'Updated the clinician profile (used for signatures from now on)',
    'consent.added': () => `Recorded ${CONSENT_NAMES[entry.detail ?? ''] ?? 'a'} consent for ${client()}`,
    'consent.revoked': () => `Recorded that ${client()} revoked ${CONSENT_NAMES[entry.detail ?? ''] ?? 'a'} consent`,
    'incident.recorded': () => 'Recorded a security incident',
    'incident.exported': () => 'Exported a security incident record',
    'audit.exported': () => `Exported the audit trail (${format() ?? 'file'}, ${countOf(n('entries'), 'entry', 'entries')})`,
  };
  function onDrive(): string {
    const drive = values.get('drive');
    return drive ? ` on ${driveLabel(drive)}` : '';
  }
  const text = (sentences[entry.type] ?? (() => auditEventName(entry.type)))();
  // Its time is when it happened; it was sealed into the chain only at the next unlock (audit-pending.ts).
  return entry.whileLocked ? `${text} (recorded while locked)` : text;
}

/**
 * A drive's label inside a detail code, which allows only `A-Za-z0-9._-` and a few separators:
 * every other byte of its UTF-8 becomes `:HH`, so "My Passport" is `My:20Passport` and reads back
 * exactly. Cut at 60 characters, so the detail stays within its 120.
 */
export function driveDetail(label: string | null): string {
  if (!label) return '';
  const bytes = new TextEncoder().encode(label);
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9._-]/.test(c) ? c : `:${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `,drive=${out.slice(0, 60).replace(/:[0-9A-F]?$/, '')}`;
}

function driveLabel(encoded: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const hex = encoded[i] === ':' ? /^[0-9A-F]{2}/.exec(encoded.slice(i + 1))?.[0] : undefined;
    if (hex) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(encoded.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The detail code of a records export or printout: format and counts, only those not zero. */
export function recordsDetail(
  format: 'pdf' | 'html' | 'print',
  c: { notes: number; unsignedIncluded: number; psychotherapy: number; unsigned: number; trashed: number; outsideRange: number },
): string {
  const counts: [string, number][] = [
    ['drafts', c.unsignedIncluded],
    ['psychotherapy', c.psychotherapy],
    ['unsigned', c.unsigned],
    ['trashed', c.trashed],
    ['outsideRange', c.outsideRange],
  ];
  return [format, `notes=${c.notes}`, ...counts.filter(([, v]) => v > 0).map(([k, v]) => `${k}=${v}`)].join(',');
}
