import type { AuditFilter, ReadableAuditEntry } from '../../../src-shared/contract/audit';
import type { UnlockedSession } from '../vault/unlocked-session';
import { clientOf, describeEntry, type AuditSubjects } from './audit-text';

/** Names as the vault holds them now (in memory while unlocked: nothing is decrypted for this). */
export function subjectsOf(s: UnlockedSession): AuditSubjects {
  return {
    clientName: (id) => s.clients.nameOf(id),
    note: (id) => {
      const m = s.notes.meta(id);
      return m && { title: m.title, serviceDate: m.serviceDate, ...(m.clientId ? { clientId: m.clientId } : {}) };
    },
  };
}

/** The trail as people read it, newest first, filtered by time, type, record and client. */
export function readableTrail(s: UnlockedSession, filter: AuditFilter): ReadableAuditEntry[] {
  const { clientId, ...stored } = filter;
  const subjects = subjectsOf(s);
  const out: ReadableAuditEntry[] = [];
  for (const entry of s.audit.list(stored)) {
    const about = clientOf(entry, subjects);
    if (clientId && about !== clientId) continue;
    out.push({ ...entry, text: describeEntry(entry, subjects), ...(about ? { clientId: about } : {}) });
  }
  return out;
}
