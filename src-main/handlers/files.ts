import type { HandlersFor, ServiceContext } from './types';

export function filesHandlers({ places }: ServiceContext): HandlersFor<'files'> & HandlersFor<'drives'> {
  return {
    'files.choose': (input) => places.choose(input),
    'drives.list': () => places.drives(),
  };
}
