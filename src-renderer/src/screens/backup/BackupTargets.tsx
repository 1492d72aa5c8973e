import type { ChosenPlace, Drive } from '../../../../src-shared/ipc';
import { describeChosen } from '../../actions/files';
import { ChooseButton } from '../../components/ChooseButton';
import { formatBytes } from '../../components/format';

/** The folder a drive's backups go in (main makes it at the first backup). */
export const DRIVE_BACKUP_FOLDER = 'SessionVault Backups';

/** Where the backup reminder and the Checkup's fix send the keyboard focus: the first way to back up. */
const FIRST_TARGET_ID = 'choose-backup-folder';

interface Props {
  drives: Drive[];
  /** The folder of the last backup, when it is there now. */
  last: ChosenPlace | null;
  busy: boolean;
  keep: number;
  onBackUp: (folder: ChosenPlace) => void;
}

/**
 * Where to back up, each in one click: every plugged-in drive ("Back up to KINGSTON (14.2 GB free)"),
 * the folder used last time, or another folder chosen now with the OS dialog.
 */
export function BackupTargets({ drives, last, busy, keep, onBackUp }: Props) {
  const lastIsADrive = last !== null && drives.some((d) => d.backupFolder === last.handle);
  const firstDrive = drives.find((d) => !d.readOnly);
  const showLast = last !== null && !lastIsADrive;
  return (
    <>
      {drives.length === 0 && <p className="hint">Plug in a USB drive: it shows here within a few seconds.</p>}
      {drives.length > 1 && <p>Several drives are plugged in: choose the one to back up to.</p>}
      <div className="row wrap targets">
        {drives.map((d) => (
          <button key={d.id} id={d === firstDrive ? FIRST_TARGET_ID : undefined} type="button" disabled={busy || d.readOnly} onClick={() => onBackUp({ handle: d.backupFolder, name: DRIVE_BACKUP_FOLDER, drive: d.label })}>
            Back up to {d.label} ({formatBytes(d.freeBytes)} free)
          </button>
        ))}
        {last && showLast && (
          <button type="button" id={firstDrive ? undefined : FIRST_TARGET_ID} className="secondary" disabled={busy} onClick={() => onBackUp(last)}>
            Back up to {describeChosen(last)} again
          </button>
        )}
        <ChooseButton
          id={firstDrive || showLast ? undefined : FIRST_TARGET_ID}
          purpose="backup-folder"
          label="Choose another folder…"
          onChosen={onBackUp}
          disabled={busy}
        />
      </div>
      {drives.map((d) =>
        d.readOnly ? (
          <p key={d.id} className="warning">
            {d.label} is read-only (a locked SD card, or a drive the computer will not write to): choose another drive.
          </p>
        ) : (
          d.warning && (
            <p key={d.id} className="warning">
              {d.warning}
            </p>
          )
        ),
      )}
      <p className="hint">
        On a drive, backups go in its “{DRIVE_BACKUP_FOLDER}” folder. The newest {keep} verified backups are kept there; the last verified one
        is never deleted.
      </p>
    </>
  );
}
