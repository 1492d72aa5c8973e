import { useCallback, useEffect, useState } from 'react';
import type { RetentionStatus } from '../../../../src-shared/contract/retention';
import { refreshClients } from '../../actions/clients';
import { refreshNotes } from '../../actions/notes';
import { formatIsoDate } from '../../components/format';
import { api, call, errorMessage } from '../../vault';
import { PurgeClient } from './PurgeClient';

/** Retention: how long each client's record is kept, and which are due for review. */
export function Retention() {
  const [clients, setClients] = useState<RetentionStatus[]>([]);
  const [years, setYears] = useState<number | null>(null);
  const [purging, setPurging] = useState<RetentionStatus | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const res = await call(api().retention.list({}));
      setClients(res.clients);
      setYears(res.retentionYears);
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const due = clients.filter((c) => c.due);
  return (
    <main className="page">
      <h1>Retention</h1>
      <p>
        Records are kept {years ?? '…'} years after the last contact (for clients seen as minors, at least {years ?? '…'} years after
        their 18th birthday). Change the period under Settings if your state or licensing board requires longer.
      </p>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'success' : 'error'}>
          {message.text}
        </p>
      )}
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
          onDone={async (text) => {
            setPurging(null);
            setMessage({ ok: true, text });
            await Promise.all([load(), refreshClients(), refreshNotes()]);
          }}
        />
      )}
    </main>
  );
}

function RetentionTable({ rows, onPurge }: { rows: RetentionStatus[]; onPurge?: (c: RetentionStatus) => void }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Client</th>
          <th scope="col">Last contact</th>
          <th scope="col">Keep until</th>
          <th scope="col">Notes</th>
          {onPurge && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
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
