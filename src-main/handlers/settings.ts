import type { HandlersFor, ServiceContext } from './types';

export function settingsHandlers({ settings }: ServiceContext): HandlersFor<'settings'> {
  return {
    'settings.get': () => settings.current(),
    'settings.update': (patch) => settings.update(patch),
  };
}
