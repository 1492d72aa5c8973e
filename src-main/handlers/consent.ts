import type { HandlersFor, ServiceContext } from './types';

export function consentHandlers({ vault }: ServiceContext): HandlersFor<'consent'> {
  const consents = () => vault.unlocked().consents;
  return {
    'consent.list': ({ clientId }) => consents().onFile(clientId),
    'consent.history': ({ id }) => consents().history(id),
    'consent.add': (input) => consents().add(input),
    'consent.revoke': ({ id, revokedOn }) => consents().revoke(id, revokedOn),
  };
}
