import { useCallback, useEffect, useState } from 'react';
import { AUDIT_EVENT_TYPES, type AuditEntry, type AuditEventType } from '../../../../src-shared/contract/audit';
import { formatDateTime } from '../../components/format';
import { VirtualList } from '../../components/VirtualList';
import { api, call, errorMessage } from '../../vault';

type Verdict = { ok: boolean; entries: number; firstBadIndex?: number };

/** Turns `note.addendumAdded` into "Note addendum added". */
function label(type: string): string {
  const words = type.replace('.', ' ').replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Day boundaries (local) for the date filter, as epoch ms. */
function dayStart(iso: string): number | undefined {
  return iso ? new Date(`${iso}T00:00:00`).getTime() : undefined;
}

/** The audit trail: whether the hash chain is intact, and the events, filterable. Never any note text. */
export function AuditLog() {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [type, setType] = useState<AuditEventType | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const toMs = dayStart(to);
      const [v, list] = await Promise.all([
        call(api().audit.verify({})),
        call(api().audit.list({ ...(type ? { type } : {}), ...(from ? { from: dayStart(from) } : {}), ...(toMs !== undefined ? { to: toMs + 86_399_999 } : {}) })),
      ]);
      setVerdict(v);
      setEntries(list);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [type, from, to]);

  useEffect(() => {
    void load();
  }, [load]);

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
            ✗ The audit trail was altered: entry {(verdict.firstBadIndex ?? 0) + 1} of {verdict.entries} does not match the chain. Entries
            from there on cannot be trusted.
          </p>
        ))}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
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
          focusable
          renderItem={(e) => (
            <div className="audit-row">
              <span className="audit-seq">#{e.seq}</span>
              <span className="audit-time">{formatDateTime(e.time)}</span>
              <span className="audit-type">{label(e.type)}</span>
              <span className="audit-detail">{[e.detail, e.recordId && `record ${e.recordId.slice(0, 8)}`].filter(Boolean).join(' · ')}</span>
            </div>
          )}
        />
      )}
    </main>
  );
}
