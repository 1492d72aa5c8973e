import { ConsentRepo } from '../core/consent/consent-repo';
import type { HandlersFor, ServiceContext } from './types';

export function consentHandlers({ vault, now }: ServiceContext): HandlersFor<'consent'> {
  const repo = () => new ConsentRepo(vault.unlocked().store, now);
  /** NOT_FOUND for a client that does not exist (or was purged). */
  const assertClient = (clientId: string) => vault.unlocked().clients.get(clientId);
  return {
    'consent.list': ({ clientId }) => {
      assertClient(clientId);
      const r = repo();
      return { consents: r.list(clientId), treatmentOnFile: r.treatmentOnFile(clientId) };
    },
    'consent.history': ({ id }) => repo().history(id),
    'consent.add': (input) => {
      assertClient(input.clientId);
      return repo().add(input);
    },
    'consent.revoke': ({ id, revokedOn }) => repo().revoke(id, revokedOn),
  };
}
