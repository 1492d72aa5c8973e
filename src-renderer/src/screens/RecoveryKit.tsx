import { useMemo, useState, type FormEvent } from 'react';
import { formatDateTime, formatDay } from '../components/format';
import type { RecoveryKit as Kit } from '../store';

function kitText(kit: Kit): string {
  return [
    'SessionVault Recovery Kit',
    '',
    `Vault: ${kit.vaultId}`,
    `Created: ${formatDateTime(kit.createdAt)}`,
    '',
    'Recovery Key:',
    kit.recoveryKey,
    '',
    'Keep this somewhere safe and apart from this computer (a locked drawer, not a photo on your phone).',
    'With it, anyone can open your vault; without it and your password, no one can.',
  ].join('\n');
}

/** Shown once after creating the vault (or rotating the key). The key is never shown again. */
export function RecoveryKit({ kit, onDone }: { kit: Kit; onDone: () => void }) {
  const groups = kit.recoveryKey.split('-');
  const ask = useMemo(() => Math.floor(Math.random() * groups.length), [groups.length]);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [savingAsFile, setSavingAsFile] = useState(false);
  const [downloadUrl] = useState(() => URL.createObjectURL(new Blob([kitText(kit)], { type: 'text/plain' })));

  function confirm(e: FormEvent) {
    e.preventDefault();
    if (typed.trim().toUpperCase() !== groups[ask]) {
      setError(`That is not group ${ask + 1}. Check your saved or printed kit.`);
      return;
    }
    URL.revokeObjectURL(downloadUrl);
    onDone();
  }

  return (
    <main className="card">
      <h1>Your Recovery Kit</h1>
      <p>
        If you forget your password, this key is the only way back into your notes. Print it or save it to a USB
        drive now. It will not be shown again.
      </p>
      <div className="kit" aria-label="Recovery key">
        <p className="kit-meta">
          Vault {kit.vaultId.slice(0, 8)} · created {formatDay(kit.createdAt)}
        </p>
        <ol className="kit-groups" data-testid="recovery-key">
          {groups.map((g, i) => (
            <li key={i}>{g}</li>
          ))}
        </ol>
      </div>
      <div className="row">
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="secondary" aria-expanded={savingAsFile} onClick={() => setSavingAsFile(true)}>
          Save as file
        </button>
      </div>
      {savingAsFile && (
        // The file opens the vault on its own: on this laptop it would undo the encryption for whoever takes the laptop.
        <section className="panel kit-file-warning" aria-labelledby="kit-file-heading">
          <h2 id="kit-file-heading">The file must not stay on this laptop</h2>
          <p>
            Anyone who has this laptop and this file can open your vault without your password. Save it straight to a USB
            drive that you keep somewhere else, and make sure no copy stays in this laptop&apos;s Downloads folder. Printing it is
            safer.
          </p>
          <div className="row">
            <button type="button" onClick={() => window.print()}>
              Print instead
            </button>
            <a className="button secondary" href={downloadUrl} download="SessionVault-Recovery-Kit.txt">
              Save the file to a USB drive
            </a>
          </div>
        </section>
      )}
      <form onSubmit={confirm}>
        <label htmlFor="kit-confirm">To confirm you stored it, type group {ask + 1}</label>
        <input id="kit-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">I stored my Recovery Kit</button>
      </form>
    </main>
  );
}
