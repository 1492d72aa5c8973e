import { useEffect, useState } from 'react';
import type { BackupListing, ChosenPlace } from '../../../../src-shared/ipc';
import { describeChosen } from '../../actions/files';
import { ChooseButton } from '../../components/ChooseButton';
import { formatDateTime, plural } from '../../components/format';
import { useDrives } from '../../components/useDrives';
import { useApp } from '../../store';

interface Found {
  drive: string;
  backup: BackupListing;
}

/** "verified against this vault" only means something while a vault is open; before that, nothing was checked. */
function checkState(b: BackupListing, unlocked: boolean): string {
  if (!unlocked) return 'not checked yet';
  if (!b.sameVault) return 'from another vault';
  return b.verified ? 'verified against this vault' : 'not verified yet';
}

function describeFound({ drive, backup: b }: Found, unlocked: boolean): string {
  const made = b.createdAt ? formatDateTime(b.createdAt) : b.name;
  return `${made} on ${drive} — ${plural(b.notes ?? 0, 'note')}, ${plural(b.clients ?? 0, 'client')} (${checkState(b, unlocked)})`;
}

/**
 * The backups on the plugged-in drives, newest first (asked again every few seconds while shown),
 * and "Choose a file…" for one kept elsewhere. The newest is picked until the user picks another.
 * Reports the chosen backup's handle (null when there is none).
 */
export function BackupPicker({ value, onChange }: { value: string | null; onChange: (handle: string | null) => void }) {
  const { drives } = useDrives();
  const unlocked = useApp((s) => s.phase === 'ready');
  const [file, setFile] = useState<ChosenPlace | null>(null);
  const found: Found[] = drives
    .flatMap((d) => d.backups.filter((b) => b.readable).map((backup) => ({ drive: d.label, backup })))
    .sort((a, b) => (b.backup.createdAt ?? 0) - (a.backup.createdAt ?? 0));
  const available = [...found.map((f) => f.backup.handle), ...(file ? [file.handle] : [])];
  // A pick on a drive that was pulled falls back to the newest still there.
  const selected = value !== null && available.includes(value) ? value : (available[0] ?? null);
  useEffect(() => {
    if (selected !== value) onChange(selected);
  }, [selected, value, onChange]);

  return (
    <fieldset className="choice backup-choice">
      <legend>Backup to restore</legend>
      {found.length === 0 && !file && (
        <p className="hint">No backup on a plugged-in drive yet. Plug in the drive with your backups (it shows here within a few seconds), or choose the file.</p>
      )}
      {found.map((f) => (
        <label key={f.backup.handle}>
          <input type="radio" name="restore-backup" checked={selected === f.backup.handle} onChange={() => onChange(f.backup.handle)} />
          {describeFound(f, unlocked)}
        </label>
      ))}
      {file && (
        <label>
          <input type="radio" name="restore-backup" checked={selected === file.handle} onChange={() => onChange(file.handle)} />
          {describeChosen(file)} (chosen)
        </label>
      )}
      <ChooseButton
        purpose="backup-file"
        label="Choose a file…"
        onChosen={(chosen) => {
          setFile(chosen);
          onChange(chosen.handle);
        }}
      />
    </fieldset>
  );
}
