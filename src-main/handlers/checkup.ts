import { gatherFacts } from '../core/checkup/gather-facts';
import { tightenPermissions } from '../core/checkup/permissions';
import { runRules } from '../core/checkup/rules';
import type { HandlersFor, ServiceContext } from './types';

export function checkupHandlers({ vault, dataDir, now, settings }: ServiceContext): HandlersFor<'checkup'> {
  return {
    'checkup.run': () => runRules(gatherFacts({ session: vault.unlocked(), dataDir, settings: settings.current(), now: now() })),
    'checkup.fixPermissions': () => {
      vault.unlocked(); // Only the clinician at an unlocked vault may change its folder.
      return { changed: tightenPermissions(dataDir) };
    },
  };
}
