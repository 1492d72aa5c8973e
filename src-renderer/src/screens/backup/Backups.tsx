import { useCallback, useEffect, useState } from 'react';
import type { BackupListing, Settings } from '../../../../src-shared/ipc';
import { listBackups, makeBackup } from '../../actions/backup';
import { loadSettings } from '../../actions/settings';
import { fileName, formatBytes, plural } from '../../components/format';
import { BackupProgressBar } from '../../components/Progress';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { BackupList } from './BackupList';
import { RestoreOverVault } from './RestoreOverVault';

export function Backups() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [dir, setDir] = useState('');
  /** The backups listed and the folder they are in. */
  const [listing, setListing] = useState<{ dir: string; list: BackupListing[] }>({ dir: '', list: [] });
  const backup = useSubmit();

  const reload = useCallback(async (folder: string) => {
    try {
      setListing({ dir: folder, list: await listBackups(folder) });
    } catch (e) {
      setListing({ dir: folder, list: [] });
      throw e;
    }
  }, []);

  const load = useCallback(async () => {
    const s = await loadSettings();
    setSettings(s);
    setDir(s.backupDir ?? '');
    if (s.backupDir) await reload(s.backupDir);
  }, [reload]);

  const { run } = backup;
  useEffect(() => {
    void run(load);
  }, [run, load]);

  const backUpNow = backup.onSubmit(
    async () => {
      if (!settings) return;
      const folder = dir.trim();
      const made = await makeBackup(folder, settings.backupKeep, settings.backupDir);
      setSettings({ ...settings, backupDir: folder });
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
          <label htmlFor="backup-dir">Backup folder (full path)</label>
          <input id="backup-dir" value={dir} onChange={(e) => setDir(e.target.value)} spellCheck={false} placeholder="/media/usb/SessionVault" />
          <p className="hint">Keeps the newest {settings?.backupKeep ?? 10} verified backups in this folder; never deletes the last verified one.</p>
          {backup.busy && <BackupProgressBar />}
          <StatusMessage status={backup.status} testId="backup-message" />
          <button type="submit" disabled={backup.busy || !dir.trim()}>
            {backup.busy ? 'Backing up…' : 'Back up now'}
          </button>
        </form>
      </section>
      <BackupList list={listing.list} onChecked={() => void reload(listing.dir).catch(() => undefined)} />
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
