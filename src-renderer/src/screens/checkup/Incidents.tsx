import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Incident } from '../../../../src-shared/contract/incident';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { FileChoice } from '../../components/FileChoice';
import { formatIsoDate, todayIso } from '../../components/format';
import { api, call, errorMessage } from '../../vault';

/** Incident records kept in the vault: add one, export one as an HTML file. */
export function Incidents() {
  const [incidents, setIncidents] = useState<Incident[]>([]);
  const [date, setDate] = useState(todayIso);
  const [happened, setHappened] = useState('');
  const [done, setDone] = useState('');
  const [folder, setFolder] = useState<ChosenPlace | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const reload = useCallback(async () => {
    try {
      setIncidents(await call(api().incident.list({})));
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function create(e: FormEvent) {
    e.preventDefault();
    try {
      await call(api().incident.create({ date, whatHappened: happened, whatWasDone: done }));
      setHappened('');
      setDone('');
      setMessage({ ok: true, text: 'Incident recorded in the vault.' });
      await reload();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  async function exportOne(id: string) {
    if (!folder) {
      setMessage({ ok: false, text: 'Choose the folder to export to first.' });
      return;
    }
    try {
      const { path } = await call(api().incident.export({ id, folder: folder.handle }));
      setMessage({ ok: true, text: `Exported: ${path.split(/[\\/]/).pop()}` });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <section className="panel" aria-labelledby="incidents-heading">
      <h2 id="incidents-heading">Incident records</h2>
      <form onSubmit={create}>
        <label htmlFor="incident-date">Date of the incident</label>
        <input id="incident-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        <label htmlFor="incident-happened">What happened</label>
        <textarea id="incident-happened" rows={3} value={happened} onChange={(e) => setHappened(e.target.value)} />
        <label htmlFor="incident-done">What was done</label>
        <textarea id="incident-done" rows={3} value={done} onChange={(e) => setDone(e.target.value)} />
        <button type="submit" disabled={!happened.trim()}>
          Record incident
        </button>
      </form>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'success' : 'error'} data-testid="incident-message">
          {message.text}
        </p>
      )}
      {incidents.length === 0 ? (
        <p className="empty">No incidents recorded.</p>
      ) : (
        <>
          <FileChoice purpose="export-folder" label="Export folder" chooseLabel="Choose export folder…" chosen={folder} onChosen={setFolder} />
          <table className="consent-table" aria-label="Incidents">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">What happened</th>
                <th scope="col">What was done</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((i) => (
                <tr key={i.id}>
                  <td>{formatIsoDate(i.date)}</td>
                  <td>{i.whatHappened}</td>
                  <td>{i.whatWasDone || '—'}</td>
                  <td>
                    <button type="button" className="secondary" onClick={() => void exportOne(i.id)}>
                      Export
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
