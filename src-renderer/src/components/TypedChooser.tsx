import { useEffect, useRef, useState } from 'react';
import type { ChosenPlace, Drive } from '../../../src-shared/ipc';
import type { FilePurpose } from '../../../src-shared/contract/files';
import { chooseFile } from '../actions/files';
import { errorMessage } from '../errors';
import { formatBytes, formatDateTime } from './format';
import { useDrives } from './useDrives';

interface Props {
  purpose: FilePurpose;
  title: string;
  onChosen: (chosen: ChosenPlace) => void;
  onCancel: () => void;
}

/** What a drive offers for each purpose without typing: its backup folder, its top folder, its backups. */
function driveChoices(purpose: FilePurpose, drive: Drive): { label: string; chosen: ChosenPlace }[] {
  const free = `${formatBytes(drive.freeBytes)} free`;
  if (purpose === 'backup-folder') return [{ label: `${drive.label} (${free})`, chosen: { handle: drive.backupFolder, name: 'SessionVault Backups', drive: drive.label } }];
  if (purpose === 'export-folder') return [{ label: `${drive.label} (${free})`, chosen: { handle: drive.exportFolder, name: drive.label, drive: drive.label } }];
  if (purpose === 'backup-file') {
    return drive.backups.map((b) => ({
      label: `${b.name} on ${drive.label}${b.createdAt ? `, made ${formatDateTime(b.createdAt)}` : ''}`,
      chosen: { handle: b.handle, name: b.name, drive: drive.label },
    }));
  }
  return [];
}

/**
 * The preview's stand-in for the OS dialog (a browser tab cannot open one): the plugged-in drives,
 * and a field for the full path. Main checks what was typed and answers with a handle, as it does
 * for the OS dialog in the app.
 */
export function TypedChooser({ purpose, title, onChosen, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { drives } = useDrives();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  async function submitTyped() {
    if (!typed.trim()) return;
    setError(null);
    try {
      const picked = await chooseFile(purpose, typed.trim());
      if (picked) onChosen(picked);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const choices = drives.flatMap((d) => driveChoices(purpose, d));
  const folder = purpose === 'backup-folder' || purpose === 'export-folder';
  return (
    <dialog ref={dialog} className="confirm typed-chooser" aria-labelledby="typed-chooser-title" onCancel={onCancel}>
      <h2 id="typed-chooser-title">{title}</h2>
      <p className="hint">This preview cannot open your computer's file dialog: pick a drive, or type the full path.</p>
      {choices.length > 0 && (
        <ul className="choice-list" aria-label="On plugged-in drives">
          {choices.map((c) => (
            <li key={c.chosen.handle}>
              <button type="button" className="secondary" onClick={() => onChosen(c.chosen)}>
                {c.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* Not a <form>: the chooser opens from inside other forms, and forms do not nest. */}
      <div>
        <label htmlFor="typed-chooser-path">{folder ? 'Full path of the folder' : 'Full path of the file'}</label>
        <input
          id="typed-chooser-path"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault(); // Enter here must not submit the form the chooser was opened from.
            void submitTyped();
          }}
          spellCheck={false}
          autoComplete="off"
        />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="row">
          <button type="button" onClick={() => void submitTyped()} disabled={!typed.trim()}>
            Use this path
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </dialog>
  );
}
