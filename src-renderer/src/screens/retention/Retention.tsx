import { useCallback, useEffect, useState } from 'react';
import type { RetentionStatus } from '../../../../src-shared/contract/retention';
import { loadRetention } from '../../actions/retention';
import { formatIsoDate, plural } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { PurgeClient } from './PurgeClient';
import { TableHead } from '../../components/TableHead';

/** Retention: how long each client's record is kept, and which are due for review. */
export function Retention() {
  const [clients, setClients] = useState<RetentionStatus[]>([]);
  const [years, setYears] = useState<number | null>(null);
  const [purging, setPurging] = useState<RetentionStatus | null>(null);
  const { status, run } = useSubmit();

  const load = useCallback(async () => {
    const res = await loadRetention();
    setClients(res.clients);
    setYears(res.retentionYears);
  }, []);
  useEffect(() => void run(load), [run, load]);

  const due = clients.filter((c) => c.due);
  return (
    <main className="page">
      <h1>Retention</h1>
      <p>
        Records are kept {years === null ? '…' : plural(years, 'year')} after the last contact (for clients seen as minors, at least {years === null ? '…' : plural(years, 'year')} after
        their 18th birthday). Change the period under Settings if your state or licensing board requires longer.
      </p>
      <StatusMessage status={status} />
      <section className="panel" aria-labelledby="due-heading">
        <h2 id="due-heading">Due for review ({due.length})</h2>
        {due.length === 0 ? <p className="empty">No client record is past its retention date.</p> : <RetentionTable rows={due} onPurge={setPurging} />}
      </section>
      <section className="panel" aria-labelledby="all-heading">
        <h2 id="all-heading">All clients</h2>
        <RetentionTable rows={clients} />
      </section>
      {purging && (
        <PurgeClient
          client={purging}
          onCancel={() => setPurging(null)}
          onDone={(text) => {
            setPurging(null);
            void run(async () => {
              await load();
              return text;
            });
          }}
        />
      )}
    </main>
  );
}

function RetentionTable({ rows, onPurge }: { rows: RetentionStatus[]; onPurge?: (c: RetentionStatus) => void }) {
  return (
    <table className="table">
      <TableHead columns={['Client', 'Last contact', 'Keep until', 'Notes']} actions={Boolean(onPurge)} />
      <tbody>
        {rows.map((c) => (
          <tr key={c.clientId}>
            <td>
              {c.displayName}
              {c.archived ? ' (archived)' : ''}
            </td>
            <td>{formatIsoDate(c.lastContactDate)}</td>
            <td>
              {formatIsoDate(c.retainUntil)}
              {c.basis === 'minor' ? ' (minor)' : ''}
            </td>
            <td>{c.notes}</td>
            {onPurge && (
              <td className="actions">
                <button type="button" className="secondary danger" onClick={() => onPurge(c)}>
                  Delete record…
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
