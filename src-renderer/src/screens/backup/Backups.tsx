import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { BackupListing, ChosenPlace, Settings } from '../../../../src-shared/ipc';
import { refreshBackupReminder } from '../../actions/backup';
import { FileChoice } from '../../components/FileChoice';
import { formatBytes, plural } from '../../components/format';
import { BackupProgressBar } from '../../components/Progress';
import { useApp } from '../../store';
import { api, call, errorMessage } from '../../vault';
import { BackupList } from './BackupList';
import { RestoreForm } from './RestoreForm';

type Message = { ok: boolean; text: string } | null;

export function Backups() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [folder, setFolder] = useState<ChosenPlace | null>(null);
  const [list, setList] = useState<BackupListing[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  const reload = useCallback(async (chosen: ChosenPlace) => {
    const res = await api().backup.list({ folder: chosen.handle });
    setList(res.ok ? res.value : []);
    if (!res.ok) setMessage({ ok: false, text: res.error.message });
  }, []);

  useEffect(() => {
    void call(api().settings.get({})).then(setSettings);
    void call(api().backup.lastFolder({})).then(({ folder: last }) => {
      setFolder(last);
      if (last) void reload(last);
    });
  }, [reload]);

  async function backUpNow(e: FormEvent) {
    e.preventDefault();
    if (!settings || !folder) return;
    setBusy(true);
    setMessage(null);
    try {
      const made = await call(api().backup.create({ folder: folder.handle, keep: settings.backupKeep }));
      const name = made.path.split(/[\\/]/).pop();
      setMessage({ ok: true, text: `Backup verified: ${name} (${plural(made.notes, 'note')}, ${formatBytes(made.bytes)}). It was read back and decrypted in full.` });
      await reload(folder);
      await refreshBackupReminder();
    } catch (err) {
      setMessage({ ok: false, text: `Backup failed: ${errorMessage(err)} Older backups were not touched.` });
    } finally {
      setBusy(false);
      useApp.setState({ backupProgress: null });
    }
  }

  return (
    <main className="page">
      <h1>Backups</h1>
      <section className="panel" aria-labelledby="backup-now-heading">
        <h2 id="backup-now-heading">Back up now</h2>
        <p>Choose a folder on a USB drive. Each backup is encrypted like the vault, then read back and verified before it counts.</p>
        <form onSubmit={backUpNow}>
          <FileChoice
            purpose="backup-folder"
            label="Backup folder"
            chooseLabel="Choose folder…"
            chosen={folder}
            onChosen={(chosen) => {
              setFolder(chosen);
              void reload(chosen);
            }}
          />
          <p className="hint">Keeps the newest {settings?.backupKeep ?? 10} verified backups in this folder; never deletes the last verified one.</p>
          <BackupProgressBar />
          {message && (
            <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'success' : 'error'} data-testid="backup-message">
              {message.text}
            </p>
          )}
          <button type="submit" disabled={busy || !folder}>
            {busy ? 'Backing up…' : 'Back up now'}
          </button>
        </form>
      </section>
      <BackupList list={list} onMessage={setMessage} />
      <section className="panel" aria-labelledby="restore-heading">
        <h2 id="restore-heading">Restore a backup over this vault</h2>
        <p>The current vault is kept beside the restored one as a file; nothing is deleted.</p>
        <RestoreForm overExisting onRestored={(text) => setMessage({ ok: true, text })} />
      </section>
    </main>
  );
}
