import { useCallback, useEffect, useMemo, useState } from 'react';
import { chainProblemText } from '../../../../src-shared/audit-labels';
import type { AuditVerifyResult, ReadableAuditEntry } from '../../../../src-shared/contract/audit';
import { loadAudit } from '../../actions/audit';
import { formatDateTime, plural } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { VirtualList } from '../../components/VirtualList';
import { AuditExport } from './AuditExport';
import { AuditFilters, toAuditFilter, type AuditFilterFields } from './AuditFilters';

/**
 * The audit trail as sentences ("Opened note 'Session 4' for M. Okafor"), names looked up in the
 * vault as it is shown; whether the chain is intact; filters by client, event and date; export.
 */
export function AuditLog() {
  const [verdict, setVerdict] = useState<AuditVerifyResult | null>(null);
  const [entries, setEntries] = useState<ReadableAuditEntry[]>([]);
  const [fields, setFields] = useState<AuditFilterFields>({ clientId: '', type: '', from: '', to: '' });
  const filter = useMemo(() => toAuditFilter(fields), [fields]);
  const { status, setStatus, run } = useSubmit();
  const showError = useCallback((text: string) => setStatus({ ok: false, text }), [setStatus]);

  const load = useCallback(async () => {
    const res = await loadAudit(filter);
    setVerdict(res.verdict);
    setEntries(res.entries);
  }, [filter]);

  useEffect(() => {
    void run(load);
  }, [run, load]);

  return (
    <main className="page audit-page">
      <h1>Audit trail</h1>
      {verdict &&
        (verdict.ok ? (
          <p className="audit-verdict ok" role="status" data-testid="audit-verdict">
            ✓ Audit trail intact — {plural(verdict.entries, 'entry', 'entries')}, each sealed and chained to the one before.
          </p>
        ) : (
          <p className="audit-verdict broken" role="alert" data-testid="audit-verdict">
            ✗ The audit trail was altered: {chainProblemText(verdict)} Entries from there on cannot be trusted.
          </p>
        ))}
      <StatusMessage status={status} />
      <AuditFilters value={fields} onChange={setFields} onError={showError} />
      {entries.length === 0 ? (
        <p className="empty">No events match.</p>
      ) : (
        <VirtualList
          items={entries}
          label="Audit events"
          itemKey={(e) => String(e.seq)}
          estimateSize={40}
          focusable
          renderItem={(e) => (
            <div className="audit-row">
              <span className="audit-time">{formatDateTime(e.time)}</span>
              <span className="audit-text">{e.text}</span>
              <span className="audit-seq">#{e.seq}</span>
            </div>
          )}
        />
      )}
      <AuditExport filter={filter} onExported={() => void run(load)} />
    </main>
  );
}
