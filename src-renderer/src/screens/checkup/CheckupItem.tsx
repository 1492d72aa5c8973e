import type { CheckupFixAction, CheckupLine, CheckupStatus } from '../../../../src-shared/contract/checkup';
import { backUpNow, drillNewestBackup } from '../../actions/backup';
import { fixPermissions } from '../../actions/checkup';
import { goTo } from '../../actions/navigation';
import { plural } from '../../components/format';
import { BackupProgressBar } from '../../components/Progress';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import type { View } from '../../store';

export const STATUS_TEXT: Record<CheckupStatus, string> = { green: 'Good', amber: 'Attention', red: 'Fix now', unknown: 'Unknown' };

/** Buttons that open the form they name, with the cursor in it. */
const OPENS: Partial<Record<CheckupFixAction, { view: View; focus?: string }>> = {
  'choose-backup-folder': { view: 'backups', focus: 'choose-backup-folder' },
  'change-password': { view: 'settings', focus: 'cp-current' },
  'recovery-kit': { view: 'settings', focus: 'rk-password' },
  'auto-lock': { view: 'settings', focus: 'idle-minutes' },
  'add-key-file': { view: 'settings', focus: 'kf-password' },
  'lost-laptop': { view: 'lost' },
};

/** Buttons that do the thing right here; each returns what happened. */
const DOES: Partial<Record<CheckupFixAction, () => Promise<string>>> = {
  backup: async () => `Backup verified: ${plural((await backUpNow()).notes, 'note')}, read back and decrypted in full.`,
  'restore-drill': async () => {
    const r = await drillNewestBackup();
    return `Restore drill passed: ${plural(r.notes, 'note')} and ${plural(r.clients, 'client')} restored and opened.`;
  },
  'fix-permissions': async () => `Permissions fixed (${plural(await fixPermissions(), 'item')} tightened). Only your account can open the vault folder now.`,
};

/** One habit: its status as a word and a colour, what was found, and a button that does what it says. */
export function CheckupItem({ line, onDone }: { line: CheckupLine; onDone: () => void }) {
  const { busy, status, run } = useSubmit();
  const { action, label } = line.fix;

  function fix() {
    const opens = OPENS[action];
    if (opens) return goTo(opens.view, opens.focus);
    const does = DOES[action];
    if (does) void run(() => does().finally(onDone));
  }

  return (
    <li
      className={`checkup-line status-${line.status}`}
      aria-labelledby={`checkup-${line.id}-title`}
      data-testid={`checkup-${line.id}`}
      data-status={line.status}
    >
      <span className={`status-badge status-${line.status}`}>{STATUS_TEXT[line.status]}</span>
      <div>
        <h2 id={`checkup-${line.id}-title`}>{line.title}</h2>
        <p>{line.detail}</p>
        {busy && DOES[action] && action !== 'fix-permissions' && <BackupProgressBar />}
        <StatusMessage status={status} />
      </div>
      {action !== 'none' && (
        <button type="button" className={line.status === 'green' ? 'secondary' : undefined} disabled={busy} onClick={fix}>
          {label}
        </button>
      )}
    </li>
  );
}
