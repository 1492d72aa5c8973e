import type { HandlersFor, ServiceContext } from './types';

export function measuresHandlers({ vault }: ServiceContext): HandlersFor<'measures'> {
  const measures = () => vault.unlocked().measures;
  return {
    'measures.list': ({ clientId }) => measures().list(clientId),
    'measures.add': (input) => measures().add(input),
    'measures.update': (input) => measures().update(input),
  };
}
