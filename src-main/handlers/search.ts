import type { HandlersFor, ServiceContext } from './types';

export function searchHandlers({ vault }: ServiceContext): HandlersFor<'search'> {
  return {
    'search.query': ({ text, clientId, limit }) => vault.unlocked().search.query(text, { clientId, limit }),
  };
}
