import type { AuditFilter, AuditVerifyResult, ReadableAuditEntry } from '../../../src-shared/contract/audit';
import type { Output } from '../../../src-shared/ipc';
import { api, call } from './bridge';

/** Whether the chain is intact, and the entries matching the filter, as sentences (times in epoch ms, inclusive). */
export async function loadAudit(filter: AuditFilter): Promise<{ verdict: AuditVerifyResult; entries: ReadableAuditEntry[] }> {
  const [verdict, entries] = await Promise.all([call(api().audit.verify({})), call(api().audit.list(filter))]);
  return { verdict, entries };
}

/** The filtered trail for an auditor, as CSV or PDF in the chosen folder (its handle; the export is itself recorded). */
export function exportAudit(format: 'csv' | 'pdf', folder: string, filter: AuditFilter): Promise<Output<'audit.export'>> {
  return call(api().audit.export({ format, folder, filter }));
}
