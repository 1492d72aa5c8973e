import { useCallback, useEffect, useState } from 'react';
import type { Incident } from '../../../../src-shared/contract/incident';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { FileChoice } from '../../components/FileChoice';
import { exportIncident, listIncidents, recordIncident } from '../../actions/incidents';
import { formatIsoDate, todayIso } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { userError } from '../../errors';
import { TableHead } from '../../components/TableHead';

/** Incident records kept in the vault: add one, export one as an HTML file. */
export function Incidents() {
  const [incidents, setIncidents] = useState<Incident[]>([]);
  const [date, setDate] = useState(todayIso);
  const [happened, setHappened] = useState('');
  const [done, setDone] = useState('');
  const [folder, setFolder] = useState<ChosenPlace | null>(null);
  const { status, run, onSubmit } = useSubmit();

  const reload = useCallback(async () => setIncidents(await listIncidents()), []);
  useEffect(() => {
    void run(reload);
  }, [run, reload]);

  const create = onSubmit(async () => {
    await recordIncident({ date, whatHappened: happened, whatWasDone: done });
    setHappened('');
    setDone('');
    await reload();
    return 'Incident recorded in the vault.';
  });

  const exportOne = (id: string) =>
    run(async () => {
      if (!folder) throw userError('Choose the folder to export to first.');
      return `Exported: ${await exportIncident(id, folder.handle)}`;
    });

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
      <StatusMessage status={status} testId="incident-message" />
      {incidents.length === 0 ? (
        <p className="empty">No incidents recorded.</p>
      ) : (
        <>
          <FileChoice purpose="export-folder" label="Export folder" chooseLabel="Choose export folder…" chosen={folder} onChosen={setFolder} />
          <table className="consent-table" aria-label="Incidents">
            <TableHead columns={['Date', 'What happened', 'What was done']} actions />
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
