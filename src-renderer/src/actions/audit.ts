import type { AuditEntry, AuditEventType, AuditVerifyResult } from '../../../src-shared/contract/audit';
import { api, call } from './bridge';

/** Whether the chain is intact, and the entries matching the filter (times in epoch ms, inclusive). */
export async function loadAudit(filter: { type?: AuditEventType; from?: number; to?: number }): Promise<{ verdict: AuditVerifyResult; entries: AuditEntry[] }> {
  const [verdict, entries] = await Promise.all([call(api().audit.verify({})), call(api().audit.list(filter))]);
  return { verdict, entries };
}
