import { useCallback, useEffect, useState } from 'react';
import type { BackupListing, Settings } from '../../../../src-shared/ipc';
import { listBackups, makeBackup } from '../../actions/backup';
import { loadSettings } from '../../actions/settings';
import { fileName, formatBytes, plural } from '../../components/format';
import { BackupProgressBar } from '../../components/Progress';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { BackupList } from './BackupList';
import { RestoreForm } from './RestoreForm';

export function Backups() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [dir, setDir] = useState('');
  const [list, setList] = useState<BackupListing[]>([]);
  const backup = useSubmit();
  // Verify and drill of a listed backup: their own busy state, the same message line.
  const rows = useSubmit();
  const status = rows.status ?? backup.status;

  const reload = useCallback(async (folder: string) => {
    try {
      setList(await listBackups(folder));
    } catch (e) {
      setList([]);
      throw e;
    }
  }, []);

  const { run } = backup;
  useEffect(() => {
    void run(async () => {
      const s = await loadSettings();
      setSettings(s);
      setDir(s.backupDir ?? '');
      if (s.backupDir) await reload(s.backupDir);
    });
  }, [run, reload]);

  const backUpNow = backup.onSubmit(
    async () => {
      rows.setStatus(null);
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
    <main className="page">
      <h1>Backups</h1>
      <section className="panel" aria-labelledby="backup-now-heading">
        <h2 id="backup-now-heading">Back up now</h2>
        <p>Choose a folder on a USB drive. Each backup is encrypted like the vault, then read back and verified before it counts.</p>
        <form onSubmit={backUpNow}>
          <label htmlFor="backup-dir">Backup folder (full path)</label>
          <input id="backup-dir" value={dir} onChange={(e) => setDir(e.target.value)} spellCheck={false} placeholder="/media/usb/SessionVault" />
          <p className="hint">Keeps the newest {settings?.backupKeep ?? 10} verified backups in this folder; never deletes the last verified one.</p>
          <BackupProgressBar />
          <StatusMessage status={status} testId="backup-message" />
          <button type="submit" disabled={backup.busy || rows.busy || !dir.trim()}>
            {backup.busy ? 'Backing up…' : 'Back up now'}
          </button>
        </form>
      </section>
      <BackupList
        list={list}
        run={(action, options) => {
          backup.setStatus(null);
          void rows.run(action, options);
        }}
      />
      <section className="panel" aria-labelledby="restore-heading">
        <h2 id="restore-heading">Restore a backup over this vault</h2>
        <p>The current vault is kept beside the restored one as a file; nothing is deleted.</p>
        <RestoreForm overExisting onRestored={(text) => backup.setStatus({ ok: true, text })} />
      </section>
    </main>
  );
}
