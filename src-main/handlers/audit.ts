import type { HandlersFor, ServiceContext } from './types';

export function auditHandlers({ vault }: ServiceContext): HandlersFor<'audit'> {
  return {
    'audit.list': (filter) => vault.unlocked().audit.list(filter),
    'audit.verify': () => vault.unlocked().audit.verify(),
  };
}
