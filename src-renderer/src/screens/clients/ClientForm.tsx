import { useState } from 'react';
import { CLIENT_STATUSES } from '../../../../src-shared/contract/clients';
import type { Client } from '../../../../src-shared/ipc';
import { createClient, updateClient, type ClientInput } from '../../actions/clients';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';

/** Adds a client, or edits one when `client` is given. */
export function ClientForm({ client, onDone }: { client?: Client; onDone: () => void }) {
  const [input, setInput] = useState<ClientInput>({
    displayName: client?.displayName ?? '',
    dateOfBirth: client?.dateOfBirth ?? '',
    intakeDate: client?.intakeDate ?? '',
    status: client?.status ?? 'active',
    notes: client?.notes ?? '',
  });
  const { status, onSubmit } = useSubmit();
  const set = (change: Partial<ClientInput>) => setInput({ ...input, ...change });

  const submit = onSubmit(async () => {
    if (client) await updateClient(client, input);
    else await createClient(input);
    onDone();
  });

  return (
    <form className="page client-form" onSubmit={submit}>
      <h1>{client ? 'Edit client details' : 'Add a client'}</h1>
      <label htmlFor="client-name">Name or client code</label>
      <input id="client-name" required autoFocus value={input.displayName} onChange={(e) => set({ displayName: e.target.value })} />
      <div className="session-grid">
        <div>
          <label htmlFor="client-dob">Date of birth (optional)</label>
          <input id="client-dob" type="date" value={input.dateOfBirth} onChange={(e) => set({ dateOfBirth: e.target.value })} />
        </div>
        <div>
          <label htmlFor="client-intake">Intake date</label>
          <input id="client-intake" type="date" value={input.intakeDate} onChange={(e) => set({ intakeDate: e.target.value })} />
        </div>
        <div>
          <label htmlFor="client-status">Status</label>
          <select id="client-status" value={input.status} onChange={(e) => set({ status: e.target.value as ClientInput['status'] })}>
            {CLIENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'active' ? 'Active' : 'Discharged'}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label htmlFor="client-notes">About the client</label>
      <textarea id="client-notes" rows={4} aria-describedby="client-notes-hint" value={input.notes} onChange={(e) => set({ notes: e.target.value })} />
      <p id="client-notes-hint" className="hint">
        Contacts and context. Not a clinical note.
      </p>
      <StatusMessage status={status} />
      <div className="row">
        <button type="submit">{client ? 'Save details' : 'Save client'}</button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
