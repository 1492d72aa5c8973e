import { fixPermissions, runCheckup } from '../core/checkup/checkup';
import type { HandlersFor, ServiceContext } from './types';

export function checkupHandlers({ vault, dataDir, now, settings }: ServiceContext): HandlersFor<'checkup'> {
  return {
    'checkup.run': () => runCheckup({ session: vault.unlocked(), dataDir, settings: settings.current(), now: now() }),
    'checkup.fixPermissions': () => fixPermissions(vault, dataDir),
  };
}
