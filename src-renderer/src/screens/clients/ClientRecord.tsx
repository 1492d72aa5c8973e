import { useEffect, useState } from 'react';
import type { Client } from '../../../../src-shared/ipc';
import { NOTE_KIND_INFO } from '../../../../src-shared/templates';
import { loadClient, setArchived } from '../../actions/clients';
import { focusNoteTitle, newNote, openNote } from '../../actions/notes';
import { formatIsoDate } from '../../components/format';
import { useApp } from '../../store';
import { errorMessage } from '../../errors';
import { ClientForm } from './ClientForm';
import { ConsentPanel } from '../consent/ConsentPanel';
import { ClinicalCare } from '../measures/ClinicalCare';
import { ExportRecord } from './ExportRecord';
import { TransferRecord } from './TransferRecord';
import { RecordNotes } from './RecordNotes';
import { useRetainUntil } from './useRetainUntil';

type Tab = 'record' | 'psychotherapy';

/** One client: details, then the record (notes by date) and, in their own tab, psychotherapy notes. */
export function ClientRecord({ clientId }: { clientId: string }) {
  const clients = useApp((s) => s.clients);
  const allNotes = useApp((s) => s.notes);
  const [client, setClient] = useState<Client | null>(null);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<Tab>('record');
  const [error, setError] = useState<string | null>(null);
  const custodianMode = useApp((s) => s.custodianMode);
  const summary = clients.find((c) => c.id === clientId);

  useEffect(() => {
    loadClient(clientId).then(setClient, (e: unknown) => setError(errorMessage(e)));
  }, [clientId, summary?.rev]);
  const retainUntil = useRetainUntil(clientId, summary?.lastContactDate);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!client) return <p className="empty">Opening…</p>;
  if (editing) return <ClientForm client={client} onDone={() => setEditing(false)} />;

  const notes = allNotes.filter((n) => n.clientId === clientId && n.trashedAt === undefined);
  const shown = notes.filter((n) => n.isPsychotherapy === (tab === 'psychotherapy'));

  async function start(kind: 'progress' | 'psychotherapy') {
    await newNote({ clientId, kind });
    useApp.setState({ view: 'notes' });
    focusNoteTitle();
  }
  async function open(id: string) {
    await openNote(id);
    useApp.setState({ view: 'notes' });
    focusNoteTitle();
  }

  return (
    <section className="page client-record" aria-labelledby="client-name-heading">
      <h1 id="client-name-heading">{client.displayName}</h1>
      <dl className="client-facts">
        <dt>Status</dt>
        <dd>{client.status === 'active' ? 'Active' : 'Discharged'}{client.archivedAt !== undefined ? ' (archived)' : ''}</dd>
        <dt>Date of birth</dt>
        <dd>{formatIsoDate(client.dateOfBirth)}</dd>
        <dt>Intake</dt>
        <dd>{formatIsoDate(client.intakeDate)}</dd>
        <dt>Last contact</dt>
        <dd>{formatIsoDate(summary?.lastContactDate)}</dd>
        <dt>Keep record until</dt>
        <dd data-testid="retain-until">{retainUntil ? formatIsoDate(retainUntil) : '—'}</dd>
      </dl>
      {client.notes && <p className="client-notes">{client.notes}</p>}
      {!custodianMode && (
        <div className="row">
          <button type="button" onClick={() => void start('progress')}>
            New note
          </button>
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            Edit details
          </button>
          <button type="button" className="secondary" onClick={() => void setArchived(client.id, client.archivedAt === undefined).catch((e: unknown) => setError(errorMessage(e)))}>
            {client.archivedAt === undefined ? 'Archive client' : 'Unarchive client'}
          </button>
        </div>
      )}
      <ConsentPanel clientId={client.id} />
      <ClinicalCare clientId={client.id} intakeDate={client.intakeDate} />
      <div role="tablist" aria-label="Notes of this client" className="tabs">
        {(['record', 'psychotherapy'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-selected={tab === t}
            aria-controls="client-tabpanel"
            className={tab === t ? 'tab active' : 'tab'}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
            onKeyDown={(e) => {
              // Arrow keys move between the two tabs, as in any tab list.
              if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
              const other = t === 'record' ? 'psychotherapy' : 'record';
              setTab(other);
              document.getElementById(`tab-${other}`)?.focus();
            }}
          >
            {t === 'record' ? 'Record' : 'Psychotherapy notes'} ({notes.filter((n) => n.isPsychotherapy === (t === 'psychotherapy')).length})
          </button>
        ))}
      </div>
      <div role="tabpanel" id="client-tabpanel" aria-labelledby={`tab-${tab}`} className={tab === 'psychotherapy' ? 'tabpanel psycho' : 'tabpanel'}>
        {tab === 'psychotherapy' ? (
          <p className="psycho-notice">
            <strong>Kept apart from the record.</strong> {NOTE_KIND_INFO.psychotherapy.description}
          </p>
        ) : (
          <p className="hint">The clinical record, newest first. Psychotherapy notes are never listed here.</p>
        )}
        {tab === 'psychotherapy' && !custodianMode && (
          <button type="button" className="secondary" onClick={() => void start('psychotherapy')}>
            New psychotherapy note
          </button>
        )}
        <RecordNotes notes={shown} label={tab === 'record' ? 'Record notes' : 'Psychotherapy notes'} onOpen={(id) => void open(id)} />
      </div>
      <ExportRecord clientId={client.id} />
      <TransferRecord clientId={client.id} psychotherapyCount={notes.filter((n) => n.isPsychotherapy).length} />
    </section>
  );
}
