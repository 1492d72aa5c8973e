import type { HandlersFor, ServiceContext } from './types';

export function clientsHandlers({ vault }: ServiceContext): HandlersFor<'clients'> {
  return {
    // lastContactDate is derived from the notes' dates of service at read time, never stored.
    'clients.list': (filter) => {
      const s = vault.unlocked();
      return s.clients.list(filter, s.notes.lastContacts());
    },
    'clients.get': ({ id }) => {
      const s = vault.unlocked();
      return s.clients.get(id, s.notes.lastContacts());
    },
    'clients.create': (input) => vault.unlocked().clients.create(input),
    'clients.update': (patch) => vault.unlocked().clients.update(patch),
    'clients.archive': ({ id }) => vault.unlocked().clients.archive(id),
    'clients.unarchive': ({ id }) => vault.unlocked().clients.unarchive(id),
  };
}
