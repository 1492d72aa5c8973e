import { useCallback, useEffect, useState } from 'react';
import type { CheckupFixAction, CheckupLine, CheckupStatus } from '../../../../src-shared/contract/checkup';
import { fixPermissions, runCheckup } from '../../actions/checkup';
import { plural } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { useApp, type View } from '../../store';
import './checkup.css';

export const STATUS_TEXT: Record<CheckupStatus, string> = { green: 'Good', amber: 'Attention', red: 'Fix now', unknown: 'Unknown' };

/** Where a fix button takes the clinician; `fix-permissions` is done in place. */
const FIX_VIEW: Partial<Record<CheckupFixAction, View>> = {
  backup: 'backups',
  'restore-drill': 'backups',
  'change-password': 'settings',
  'recovery-kit': 'settings',
  'auto-lock': 'settings',
  'lost-laptop': 'lost',
};

/** The Security Checkup: each practice habit as a line with a status word and colour, and a one-click fix. */
export function Checkup() {
  const [lines, setLines] = useState<CheckupLine[] | null>(null);
  const { status, run } = useSubmit();

  const check = useCallback(() => run(async () => setLines(await runCheckup())), [run]);

  useEffect(() => {
    void check();
  }, [check]);

  async function fix(line: CheckupLine) {
    const view = FIX_VIEW[line.fix.action];
    if (view) {
      useApp.setState({ view });
      return;
    }
    if (line.fix.action === 'fix-permissions') {
      await run(async () => {
        const changed = await fixPermissions();
        setLines(await runCheckup());
        return `Permissions fixed (${plural(changed, 'item')} tightened). Only your account can open the vault folder now.`;
      });
    }
  }

  const counts = lines ? countBy(lines) : null;
  return (
    <main className="page" aria-labelledby="checkup-heading">
      <h1 id="checkup-heading">Security Checkup</h1>
      <p className="hint">The habits that keep client records safe, checked on this computer. Nothing here leaves it.</p>
      <div className="row">
        <button type="button" className="secondary" onClick={() => void check()}>
          Check again
        </button>
        <button type="button" className="secondary" onClick={() => useApp.setState({ view: 'lost' })}>
          If this laptop is lost
        </button>
      </div>
      <StatusMessage status={status} />
      {counts && (
        <p className="checkup-summary" role="status">
          {counts.red} to fix now, {counts.amber} needing attention, {counts.green} good{counts.unknown ? `, ${counts.unknown} unknown` : ''}.
        </p>
      )}
      {!lines ? (
        <p className="empty">Checking…</p>
      ) : (
        <ul className="checkup-list" aria-label="Checkup results">
          {lines.map((line) => (
            <li key={line.id} className={`checkup-line status-${line.status}`} data-testid={`checkup-${line.id}`} data-status={line.status}>
              <span className={`status-badge status-${line.status}`}>{STATUS_TEXT[line.status]}</span>
              <div>
                <h2>{line.title}</h2>
                <p>{line.detail}</p>
              </div>
              {line.fix.action !== 'none' && (
                <button type="button" className={line.status === 'green' ? 'secondary' : undefined} onClick={() => void fix(line)}>
                  {line.fix.label}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function countBy(lines: CheckupLine[]): Record<CheckupStatus, number> {
  const out: Record<CheckupStatus, number> = { green: 0, amber: 0, red: 0, unknown: 0 };
  for (const l of lines) out[l.status]++;
  return out;
}
