import { useEffect, useState } from 'react';
import { refreshClients, selectClient } from '../../actions/clients';
import { VirtualList } from '../../components/VirtualList';
import { formatIsoDate } from '../../components/format';
import { useApp } from '../../store';
import { ErrorMessage } from '../../components/StatusMessage';
import { errorMessage } from '../../errors';
import { ClientForm } from './ClientForm';
import { ClientRecord } from './ClientRecord';

/** Client list on the left; the chosen client's record (or a new-client form) on the right. */
export function Clients() {
  const clients = useApp((s) => s.clients);
  const clientId = useApp((s) => s.clientId);
  const [adding, setAdding] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = clients.filter((c) => showArchived || c.archivedAt === undefined);

  useEffect(() => {
    refreshClients().catch((e: unknown) => setError(errorMessage(e)));
  }, []);

  return (
    <div className="notes-layout">
      <nav className="sidebar" aria-label="Clients">
        <div className="sidebar-head">
          <button type="button" onClick={() => setAdding(true)}>
            Add client
          </button>
          <label className="check inline">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
            Show archived
          </label>
        </div>
        {shown.length === 0 ? (
          <p className="empty">{clients.length ? 'Every client is archived. Tick Show archived to see them.' : 'No clients yet.'}</p>
        ) : (
          <VirtualList
            items={shown}
            label="Client list"
            itemKey={(c) => c.id}
            activeIndex={shown.findIndex((c) => c.id === clientId)}
            renderItem={(c) => (
              <button
                type="button"
                className={c.id === clientId && !adding ? 'note-item active' : 'note-item'}
                aria-current={c.id === clientId && !adding ? 'true' : undefined}
                onClick={() => (setAdding(false), selectClient(c.id))}
              >
                <span className="note-title">{c.displayName}</span>
                <span className="note-date">
                  {c.status === 'active' ? 'Active' : 'Discharged'}
                  {c.archivedAt !== undefined ? ' · Archived' : ''} · last contact {formatIsoDate(c.lastContactDate)}
                </span>
              </button>
            )}
          />
        )}
      </nav>
      <main className="editor-pane">
        <ErrorMessage text={error} />
        {adding ? (
          <ClientForm onDone={() => setAdding(false)} />
        ) : clientId ? (
          <ClientRecord key={clientId} clientId={clientId} />
        ) : (
          <p className="empty">Choose a client or add one.</p>
        )}
      </main>
    </div>
  );
}
