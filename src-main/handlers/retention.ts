import { localIsoDate } from '../core/notes/note-record';
import { purgeClient, retentionList } from '../core/retention/retention';
import type { HandlersFor, ServiceContext } from './types';

export function retentionHandlers({ vault, now, settings }: ServiceContext): HandlersFor<'retention'> {
  return {
    'retention.list': () => {
      const s = vault.unlocked();
      const { retentionYears } = settings.current();
      const t = now();
      return { retentionYears, today: localIsoDate(t), clients: retentionList(s, retentionYears, t) };
    },
    'retention.purge': ({ clientId, confirmPhrase }) =>
      purgeClient(vault.unlocked(), { clientId, confirmPhrase }, settings.current().retentionYears, now()),
  };
}
