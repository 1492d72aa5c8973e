import type { HandlersFor, ServiceContext } from './types';

export function settingsHandlers({ settings, lockPolicy }: ServiceContext): HandlersFor<'settings'> {
  return {
    'settings.get': () => settings.current(),
    'settings.update': (patch) => {
      const next = settings.update(patch);
      // A shorter idle timeout applies at once, not after the old one runs out.
      lockPolicy.settingsChanged();
      return next;
    },
  };
}
