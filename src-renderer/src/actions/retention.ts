import { api, call } from './bridge';
import { refreshClients } from './clients';
import { refreshNotes } from './notes';

export function loadRetention() {
  return call(api().retention.list({}));
}

/** The client's retain-until date, or null when not known. */
export async function retainUntilOf(clientId: string): Promise<string | null> {
  const { clients } = await loadRetention();
  return clients.find((c) => c.clientId === clientId)?.retainUntil ?? null;
}

/** Deletes a client's record past retention (the typed name confirms it); the lists follow. */
export async function purgeClient(clientId: string, confirmPhrase: string): Promise<number> {
  const res = await call(api().retention.purge({ clientId, confirm: true, confirmPhrase }));
  await Promise.all([refreshClients(), refreshNotes()]);
  return res.deletedNotes;
}
