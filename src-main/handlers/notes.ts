import type { HandlersFor, ServiceContext } from './types';

export function notesHandlers({ vault }: ServiceContext): HandlersFor<'notes'> {
  return {
    'notes.list': () => vault.unlocked().notes.list(),
    'notes.get': ({ id }) => vault.unlocked().notes.get(id),
    'notes.create': (input) => vault.unlocked().notes.create(input),
    'notes.update': (input) => vault.unlocked().notes.update(input),
  };
}
