import { spellCheckWorksOffline } from '../../src-shared/spellcheck';
import type { HandlersFor, ServiceContext } from './types';

export function sessionHandlers({ lockPolicy, lockCoordinator, clipboardGuard, platform }: ServiceContext): HandlersFor<'session'> {
  return {
    'session.activity': () => {
      lockPolicy.activity();
      return {};
    },
    'session.flushDone': ({ requestId, saved }) => {
      lockCoordinator.flushDone(requestId, saved);
      return {};
    },
    'session.copied': async () => {
      await clipboardGuard.noteCopied();
      return {};
    },
    'session.capabilities': () => ({ spellCheck: spellCheckWorksOffline(platform) }),
  };
}
