import { useCallback, useEffect, useState } from 'react';
import type { CheckupLine, CheckupStatus } from '../../../../src-shared/contract/checkup';
import { runCheckup } from '../../actions/checkup';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { useApp } from '../../store';
import { CheckupItem } from './CheckupItem';
import './checkup.css';

/** The Security Checkup: each practice habit as a line, worst first, with a button that fixes it. */
export function Checkup() {
  const [lines, setLines] = useState<CheckupLine[] | null>(null);
  const { status, run } = useSubmit();

  const check = useCallback(() => run(async () => setLines(await runCheckup())), [run]);

  useEffect(() => {
    void check();
  }, [check]);

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
            <CheckupItem key={line.id} line={line} onDone={() => void runCheckup().then(setLines, () => undefined)} />
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
