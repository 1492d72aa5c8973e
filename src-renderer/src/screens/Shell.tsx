import type { JSX } from 'react';
import { lockNow } from '../actions/session';
import { useApp, type View } from '../store';
import { Clients } from './clients/Clients';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { Notes } from './Notes';
import { BackupReminder, LockWarning, RecoveryKitReminder } from './ShellBanners';
import { Search } from './search/Search';
import { Settings } from './Settings';
import { AuditLog } from './audit/AuditLog';
import { Backups } from './backup/Backups';
import { RestoreSummary } from './backup/RestoreSummary';
import { Retention } from './retention/Retention';
import { Checkup } from './checkup/Checkup';
import { LostLaptop } from './checkup/LostLaptop';
import { PrintArea } from './print/PrintArea';

const VIEWS: { view: View; label: string }[] = [
  { view: 'notes', label: 'Notes' },
  { view: 'clients', label: 'Clients' },
  { view: 'search', label: 'Search' },
  { view: 'backups', label: 'Backups' },
  { view: 'audit', label: 'Audit trail' },
  { view: 'retention', label: 'Retention' },
  { view: 'checkup', label: 'Security' },
  { view: 'settings', label: 'Settings' },
];

const SCREENS: Record<View, () => JSX.Element> = {
  notes: () => <Notes />,
  clients: () => <Clients />,
  search: () => <Search />,
  backups: () => <Backups />,
  audit: () => <AuditLog />,
  retention: () => <Retention />,
  checkup: () => <Checkup />,
  lost: () => <LostLaptop />,
  settings: () => <Settings />,
};

/** The unlocked app: a top bar with the screens and Lock, and the current screen. */
export function Shell() {
  const view = useApp((s) => s.view);
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">SessionVault</span>
        <nav aria-label="Main">
          {VIEWS.map((v) => (
            <button
              key={v.view}
              type="button"
              className={view === v.view ? 'tab active' : 'tab'}
              aria-current={view === v.view ? 'page' : undefined}
              onClick={() => useApp.setState({ view: v.view })}
            >
              {v.label}
            </button>
          ))}
        </nav>
        <button type="button" className="secondary lock-button" onClick={() => useApp.setState({ shortcutsOpen: true })} aria-keyshortcuts="?">
          Shortcuts <kbd aria-hidden="true">?</kbd>
        </button>
        <button type="button" className="secondary lock-button" onClick={() => void lockNow()} title="Lock (Ctrl+L)">
          Lock
        </button>
      </header>
      <LockWarning />
      <RecoveryKitReminder />
      <BackupReminder />
      <RestoreSummary />
      <div className="shell-body">{SCREENS[view]()}</div>
      <PrintArea />
      <ShortcutsDialog />
    </div>
  );
}

