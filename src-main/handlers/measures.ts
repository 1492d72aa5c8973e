import { MeasureRepo, noteLinksFrom } from '../core/measures/measure-repo';
import type { HandlersFor, ServiceContext } from './types';

export function measuresHandlers({ vault, now }: ServiceContext): HandlersFor<'measures'> {
  const repo = () => {
    const { store, notes } = vault.unlocked();
    return new MeasureRepo(store, now, noteLinksFrom(notes));
  };
  /** NOT_FOUND for a client that does not exist (or was purged). */
  const assertClient = (clientId: string) => vault.unlocked().clients.get(clientId, new Map());
  return {
    'measures.list': ({ clientId }) => {
      assertClient(clientId);
      return repo().list(clientId);
    },
    'measures.add': (input) => {
      assertClient(input.clientId);
      return repo().add(input);
    },
    'measures.update': (input) => repo().update(input),
  };
}
