import { useEffect } from 'react';
import { attachAutoLock } from './actions/autolock';
import { onBackupProgress } from './actions/backup';
import { handleShortcut } from './actions/shortcuts';
import { boot, finishRecoveryKit, onLocked } from './actions/session';
import { CreateVault } from './screens/CreateVault';
import { FirstRestore } from './screens/backup/FirstRestore';
import { Shell } from './screens/Shell';
import { RecoveryKit } from './screens/RecoveryKit';
import { Unlock } from './screens/Unlock';
import { useApp } from './store';
import { api } from './vault';

const LOCK_REASONS: Record<string, string> = {
  idle: 'Locked after a period of inactivity. Your work was saved.',
  suspend: 'Locked because the computer went to sleep. Your work was saved.',
  'screen-lock': 'Locked because the screen was locked. Your work was saved.',
  hidden: 'Locked because the window was hidden. Your work was saved.',
};

export function App() {
  const phase = useApp((s) => s.phase);
  const kit = useApp((s) => s.recoveryKit);

  useEffect(() => {
    void boot();
    const offLocked = api().on('locked', ({ reason }) => onLocked(LOCK_REASONS[reason] ?? null));
    const offAutoLock = attachAutoLock();
    const offProgress = api().on('backup.progress', onBackupProgress);
    return () => {
      offLocked();
      offAutoLock();
      offProgress();
    };
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
      return kit ? <RecoveryKit kit={kit} onDone={finishRecoveryKit} /> : null;
    case 'unlock':
      return <Unlock />;
    case 'ready':
      return <Shell />;
  }
}
