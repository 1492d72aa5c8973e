import { lazy, Suspense, useEffect } from 'react';
import { handleShortcut } from './actions/shortcuts';
import { attachEvents, boot, finishRecoveryKit } from './actions/session';
import { CreateVault } from './screens/CreateVault';
import { FirstRestore } from './screens/backup/FirstRestore';
import { RecoveryKit } from './screens/RecoveryKit';
import { Unlock } from './screens/Unlock';
import { useApp } from './store';

/**
 * The unlocked app is its own chunk: the first screen (unlock) paints without parsing every
 * screen behind it. It is fetched once the browser is idle after that first screen, so unlocking never waits on it.
 */
const loadShell = () => import('./screens/Shell');
const Shell = lazy(() => loadShell().then((m) => ({ default: m.Shell })));
const opening = <p className="empty">Opening…</p>;

export function App() {
  const phase = useApp((s) => s.phase);
  const kit = useApp((s) => s.recoveryKit);

  useEffect(() => {
    void boot();
    return attachEvents();
  }, []);

  useEffect(() => {
    if (phase === 'loading') return;
    const idle = requestIdleCallback(() => void loadShell());
    return () => cancelIdleCallback(idle);
  }, [phase]);

  useEffect(() => {
    window.addEventListener('keydown', handleShortcut);
    return () => window.removeEventListener('keydown', handleShortcut);
  }, []);

  switch (phase) {
    case 'loading':
      return opening;
    case 'create':
      return <CreateVault />;
    case 'restore':
      return <FirstRestore />;
    case 'recovery-kit':
      return kit ? <RecoveryKit kit={kit} onDone={() => void finishRecoveryKit()} /> : null;
    case 'unlock':
      return <Unlock />;
    case 'ready':
      return (
        <Suspense fallback={opening}>
          <Shell />
        </Suspense>
      );
  }
}
