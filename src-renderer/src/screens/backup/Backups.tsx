import { useCallback, useEffect, useState } from 'react';
import type { BackupListing, ChosenPlace, Settings } from '../../../../src-shared/ipc';
import { lastBackupFolder, listBackups, makeBackup } from '../../actions/backup';
import { describeChosen } from '../../actions/files';
import { loadSettings } from '../../actions/settings';
import { fileName, formatBytes, plural } from '../../components/format';
import { BackupProgressBar } from '../../components/Progress';
import { StatusMessage } from '../../components/StatusMessage';
import { useDrives } from '../../components/useDrives';
import { useSubmit } from '../../components/useSubmit';
import { BackupList } from './BackupList';
import { BackupTargets, DRIVE_BACKUP_FOLDER } from './BackupTargets';
import { RestoreOverVault } from './RestoreOverVault';

export function Backups() {
  const [settings, setSettings] = useState<Settings | null>(null);
  /** The folder of the last backup (main remembers it), when it is there now. */
  const [last, setLast] = useState<ChosenPlace | null>(null);
  /** The backups listed and the folder they are in. */
  const [listing, setListing] = useState<{ folder: ChosenPlace | null; list: BackupListing[] }>({ folder: null, list: [] });
  // Asked again every few seconds while this screen is open, so a stick plugged in shows up.
  const { drives, refresh } = useDrives();
  const backup = useSubmit();

  const reload = useCallback(async (chosen: ChosenPlace | null) => {
    if (!chosen) return setListing({ folder: null, list: [] });
    try {
      setListing({ folder: chosen, list: await listBackups(chosen.handle) });
    } catch (e) {
      setListing({ folder: chosen, list: [] });
      throw e;
    }
  }, []);

  const load = useCallback(async () => {
    setSettings(await loadSettings());
    const folder = await lastBackupFolder();
    setLast(folder);
    await reload(folder);
  }, [reload]);

  const { run } = backup;
  useEffect(() => {
    void run(load);
  }, [run, load]);

  const backUpTo = (folder: ChosenPlace) =>
    void run(
      async () => {
        if (!settings) return;
        const made = await makeBackup(folder.handle, settings.backupKeep);
        setLast(folder);
        // The backup is made and verified: a folder that cannot be listed now must not say otherwise.
        await reload(folder).catch(() => undefined);
        void refresh(); // Less free space, one more backup on the drive.
        const where = folder.drive && folder.name === DRIVE_BACKUP_FOLDER ? folder.drive : describeChosen(folder);
        return `Backup verified on ${where}: ${fileName(made.path)} (${plural(made.notes, 'note')}, ${formatBytes(made.bytes)}). It was read back and decrypted in full.`;
      },
      { failText: (m) => `Backup failed: ${m} Older backups were not touched.` },
    );

  return (
    <main className="page wide">
      <h1>Backups</h1>
      <section className="panel" aria-labelledby="backup-now-heading">
        <h2 id="backup-now-heading">Back up now</h2>
        <p>Each backup is encrypted like the vault, then read back and verified before it counts.</p>
        <BackupTargets drives={drives} last={last} busy={backup.busy || settings === null} keep={settings?.backupKeep ?? 10} onBackUp={backUpTo} />
        {backup.busy && <BackupProgressBar />}
        <StatusMessage status={backup.status} testId="backup-message" />
      </section>
      <BackupList list={listing.list} onChecked={() => void reload(listing.folder).catch(() => undefined)} />
      <RestoreOverVault
        onRestored={(text) =>
          void run(async () => {
            await load().catch(() => undefined); // The restored vault has its own settings and backup folder.
            return text;
          })
        }
      />
    </main>
  );
}
