import type { HandlersFor, ServiceContext } from './types';

export function clientsHandlers({ vault }: ServiceContext): HandlersFor<'clients'> {
  const clients = () => vault.unlocked().clients;
  return {
    'clients.list': (filter) => clients().list(filter),
    'clients.get': ({ id }) => clients().get(id),
    'clients.create': (input) => clients().create(input),
    'clients.update': (patch) => clients().update(patch),
    'clients.archive': ({ id }) => clients().archive(id),
    'clients.unarchive': ({ id }) => clients().unarchive(id),
  };
}
