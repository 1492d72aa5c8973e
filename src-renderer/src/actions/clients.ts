import type { Client } from '../../../src-shared/ipc';
import type { ClientStatus } from '../../../src-shared/contract/clients';
import { api, call } from './bridge';
import { useApp } from '../store';

export async function refreshClients(): Promise<void> {
  useApp.setState({ clients: await call(api().clients.list({ includeArchived: true })) });
}

export function selectClient(id: string | null): void {
  useApp.setState({ clientId: id, view: 'clients' });
}

export interface ClientInput {
  displayName: string;
  dateOfBirth: string;
  intakeDate: string;
  status: ClientStatus;
  notes: string;
}

export async function createClient(input: ClientInput): Promise<string> {
  const saved = await call(
    api().clients.create({
      displayName: input.displayName,
      status: input.status,
      notes: input.notes,
      ...(input.dateOfBirth ? { dateOfBirth: input.dateOfBirth } : {}),
      ...(input.intakeDate ? { intakeDate: input.intakeDate } : {}),
    }),
  );
  await refreshClients();
  selectClient(saved.id);
  return saved.id;
}

export async function updateClient(client: Client, input: ClientInput): Promise<void> {
  await call(
    api().clients.update({
      id: client.id,
      baseRev: client.rev,
      displayName: input.displayName,
      status: input.status,
      notes: input.notes,
      dateOfBirth: input.dateOfBirth || null,
      intakeDate: input.intakeDate || null,
    }),
  );
  await refreshClients();
}

export function loadClient(id: string): Promise<Client> {
  return call(api().clients.get({ id }));
}

export async function setArchived(id: string, archived: boolean): Promise<void> {
  await call(archived ? api().clients.archive({ id }) : api().clients.unarchive({ id }));
  await refreshClients();
}
