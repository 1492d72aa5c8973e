import type { AuditEventType, AuditVerifyResult } from './contract/audit';

const NAMES: Partial<Record<AuditEventType, string>> = {
  'export.created': 'Records exported',
  'export.printed': 'Records printed',
  'audit.exported': 'Audit trail exported',
  'profile.updated': 'Clinician profile updated',
  'vault.unlockFailed': 'Wrong password or Recovery Key',
};

/** An event type as a short name ("note.addendumAdded" -> "Note addendum added"): filter choices, and the line of a type with no sentence yet. */
export function auditEventName(type: AuditEventType): string {
  const words = type.replace('.', ' ').replace(/([A-Z])/g, ' $1').toLowerCase();
  return NAMES[type] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

/** What is wrong with a chain that failed its check, and where, in words (entries are numbered from 1): the screen and the exported PDF. */
export function chainProblemText(v: AuditVerifyResult): string {
  const at = (v.firstBadIndex ?? 0) + 1;
  switch (v.problem) {
    case 'removed':
      return at === 1 ? 'its entries were removed; it no longer starts where the vault began.' : `entries were removed after entry ${at - 1}.`;
    case 'diverged':
      return `from entry ${at}, it is not the trail this vault recorded (it was replaced by another history).`;
    case 'anchor-missing':
      return 'the record of its end, kept beside the vault, is gone, so entries removed from its end cannot be ruled out.';
    default:
      return `entry ${at} of ${v.entries} does not match the chain.`;
  }
}
