import { useEffect } from 'react';
import { handleShortcut } from './actions/shortcuts';
import { attachEvents, boot, finishRecoveryKit } from './actions/session';
import { CreateVault } from './screens/CreateVault';
import { FirstRestore } from './screens/backup/FirstRestore';
import { Shell } from './screens/Shell';
import { RecoveryKit } from './screens/RecoveryKit';
import { Unlock } from './screens/Unlock';
import { useApp } from './store';

export function App() {
  const phase = useApp((s) => s.phase);
  const kit = useApp((s) => s.recoveryKit);

  useEffect(() => {
    void boot();
    return attachEvents();
  }, []);

  useEffect(() => {
    window.addEventListener('keydown', handleShortcut);
    return () => window.removeEventListener('keydown', handleShortcut);
  }, []);

  switch (phase) {
    case 'loading':
      return <p className="empty">Opening…</p>;
    case 'create':
      return <CreateVault />;
    case 'restore':
      return <FirstRestore />;
    case 'recovery-kit':
      return kit ? <RecoveryKit kit={kit} onDone={() => void finishRecoveryKit()} /> : null;
    case 'unlock':
      return <Unlock />;
    case 'ready':
      return <Shell />;
  }
}
