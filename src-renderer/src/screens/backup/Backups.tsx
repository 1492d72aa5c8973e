import { useCallback, useEffect, useState } from 'react';
import type { BackupListing, ChosenPlace, Settings } from '../../../../src-shared/ipc';
import { lastBackupFolder, listBackups, makeBackup } from '../../actions/backup';
import { FileChoice } from '../../components/FileChoice';
import { loadSettings } from '../../actions/settings';
import { fileName, formatBytes, plural } from '../../components/format';
import { BackupProgressBar } from '../../components/Progress';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { BackupList } from './BackupList';
import { RestoreOverVault } from './RestoreOverVault';

export function Backups() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [folder, setFolder] = useState<ChosenPlace | null>(null);
  /** The backups listed and the folder they are in. */
  const [listing, setListing] = useState<{ folder: ChosenPlace | null; list: BackupListing[] }>({ folder: null, list: [] });
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
    const last = await lastBackupFolder();
    setFolder(last);
    await reload(last);
  }, [reload]);

  const { run } = backup;
  useEffect(() => {
    void run(load);
  }, [run, load]);

  const backUpNow = backup.onSubmit(
    async () => {
      if (!settings || !folder) return;
      const made = await makeBackup(folder.handle, settings.backupKeep);
      // The backup is made and verified: a folder that cannot be listed now must not say otherwise.
      await reload(folder).catch(() => undefined);
      return `Backup verified: ${fileName(made.path)} (${plural(made.notes, 'note')}, ${formatBytes(made.bytes)}). It was read back and decrypted in full.`;
    },
    { failText: (m) => `Backup failed: ${m} Older backups were not touched.` },
  );

  return (
    <main className="page wide">
      <h1>Backups</h1>
      <section className="panel" aria-labelledby="backup-now-heading">
        <h2 id="backup-now-heading">Back up now</h2>
        <p>Choose a folder on a USB drive. Each backup is encrypted like the vault, then read back and verified before it counts.</p>
        <form onSubmit={backUpNow}>
          <FileChoice
            chooseId="choose-backup-folder"
            purpose="backup-folder"
            label="Backup folder"
            chooseLabel="Choose folder…"
            chosen={folder}
            onChosen={(chosen) => {
              setFolder(chosen);
              void run(() => reload(chosen));
            }}
          />
          <p className="hint">Keeps the newest {settings?.backupKeep ?? 10} verified backups in this folder; never deletes the last verified one.</p>
          {backup.busy && <BackupProgressBar />}
          <StatusMessage status={backup.status} testId="backup-message" />
          <button type="submit" disabled={backup.busy || !folder}>
            {backup.busy ? 'Backing up…' : 'Back up now'}
          </button>
        </form>
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
