import { useCallback, useEffect, useState } from 'react';
import { AUDIT_EVENT_TYPES, type AuditEntry, type AuditEventType } from '../../../../src-shared/contract/audit';
import { loadAudit } from '../../actions/audit';
import { dayStartMs, formatDateTime } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { VirtualList } from '../../components/VirtualList';

type Verdict = { ok: boolean; entries: number; firstBadIndex?: number; problem?: 'entry' | 'removed' | 'diverged' | 'anchor-missing' };

/** What went wrong, where, in words (index is 0-based; entries are numbered from 1). */
function brokenText(v: Verdict): string {
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

/** Turns `note.addendumAdded` into "Note addendum added". */
function label(type: string): string {
  const words = type.replace('.', ' ').replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The audit trail: whether the hash chain is intact, and the events, filterable. Never any note text. */
export function AuditLog() {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [type, setType] = useState<AuditEventType | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { status, run } = useSubmit();

  const load = useCallback(async () => {
    const fromMs = dayStartMs(from);
    const toMs = dayStartMs(to);
    const res = await loadAudit({ ...(type ? { type } : {}), ...(fromMs !== undefined ? { from: fromMs } : {}), ...(toMs !== undefined ? { to: toMs + 86_399_999 } : {}) });
    setVerdict(res.verdict);
    setEntries(res.entries);
  }, [type, from, to]);

  useEffect(() => {
    void run(load);
  }, [run, load]);

  return (
    <main className="page audit-page">
      <h1>Audit trail</h1>
      {verdict &&
        (verdict.ok ? (
          <p className="audit-verdict ok" role="status" data-testid="audit-verdict">
            ✓ Audit trail intact — {verdict.entries} entries, each sealed and chained to the one before.
          </p>
        ) : (
          <p className="audit-verdict broken" role="alert" data-testid="audit-verdict">
            ✗ The audit trail was altered: {brokenText(verdict)} Entries from there on cannot be trusted.
          </p>
        ))}
      <StatusMessage status={status} />
      <div className="filters">
        <div>
          <label htmlFor="audit-type">Event</label>
          <select id="audit-type" value={type} onChange={(e) => setType(e.target.value as AuditEventType | '')}>
            <option value="">All events</option>
            {AUDIT_EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {label(t)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      {entries.length === 0 ? (
        <p className="empty">No events match.</p>
      ) : (
        <VirtualList
          items={entries}
          label="Audit events"
          itemKey={(e) => String(e.seq)}
          estimateSize={44}
          renderItem={(e) => (
            <div className="audit-row">
              <span className="audit-seq">#{e.seq}</span>
              <span className="audit-time">{formatDateTime(e.time)}</span>
              <span className="audit-type">{label(e.type)}</span>
              <span className="audit-detail">
                {[e.whileLocked && 'recorded while locked', e.detail, e.recordId && `record ${e.recordId.slice(0, 8)}`].filter(Boolean).join(' · ')}
              </span>
            </div>
          )}
        />
      )}
    </main>
  );
}
