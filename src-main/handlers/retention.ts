import { purgeClient, retentionOverview } from '../core/retention/retention';
import type { HandlersFor, ServiceContext } from './types';

export function retentionHandlers({ vault, now, settings }: ServiceContext): HandlersFor<'retention'> {
  return {
    'retention.list': () => retentionOverview(vault.unlocked(), settings.current().retentionYears, now()),
    'retention.purge': ({ clientId, confirmPhrase }) =>
      purgeClient(vault.unlocked(), { clientId, confirmPhrase }, settings.current().retentionYears, now()),
  };
}
