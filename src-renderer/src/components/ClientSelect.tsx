import { useEffect } from 'react';
import { refreshClients } from '../actions/clients';
import { errorMessage } from '../errors';
import { useApp } from '../store';

/** "All clients" or one of them (archived ones too), by name; loads the client list when shown. */
export function ClientSelect({ id, value, onChange, onError }: { id: string; value: string; onChange: (clientId: string) => void; onError: (message: string) => void }) {
  const clients = useApp((s) => s.clients);
  useEffect(() => {
    refreshClients().catch((e: unknown) => onError(errorMessage(e)));
  }, [onError]);
  return (
    <>
      <label htmlFor={id}>Client</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All clients</option>
        {clients.map((c) => (
          <option key={c.id} value={c.id}>
            {c.displayName}
          </option>
        ))}
      </select>
    </>
  );
}
