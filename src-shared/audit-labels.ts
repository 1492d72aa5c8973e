import type { AuditEventType } from './contract/audit';

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
