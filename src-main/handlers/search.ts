import { searchNotes } from '../core/search/note-search';
import type { HandlersFor, ServiceContext } from './types';

export function searchHandlers({ vault }: ServiceContext): HandlersFor<'search'> {
  return {
    'search.query': ({ text, clientId, limit, offset }) => searchNotes(vault.unlocked(), text, { clientId, limit, offset }),
  };
}
