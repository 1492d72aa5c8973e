import type { HandlersFor, ServiceContext } from './types';

export function backupHandlers({ backup }: ServiceContext): HandlersFor<'backup'> {
  return {
    'backup.create': (input) => backup.create(input),
    'backup.verify': (input) => backup.verify(input),
    'backup.drill': (input) => backup.drill(input),
    'backup.restore': (input) => backup.restore(input),
    'backup.status': () => backup.status(),
    'backup.list': (input) => backup.list(input),
    'backup.lastFolder': () => backup.lastFolder(),
  };
}
