import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../src-shared/ipc';
import { refreshBackupReminder } from '../../actions/backup';
import { api, call, errorMessage } from '../../vault';

type Fields = Pick<Settings, 'retentionYears' | 'backupKeep' | 'backupReminderDays'>;

/** Retention period and backup rotation/reminder, stored encrypted in the vault. */
export function RecordsSettings() {
  const [fields, setFields] = useState<Fields | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void call(api().settings.get({})).then(
      (s) => setFields({ retentionYears: s.retentionYears, backupKeep: s.backupKeep, backupReminderDays: s.backupReminderDays }),
      (e: unknown) => setMessage({ ok: false, text: errorMessage(e) }),
    );
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!fields) return;
    try {
      await call(api().settings.update(fields));
      await refreshBackupReminder();
      setMessage({ ok: true, text: 'Records and backup settings saved.' });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  if (!fields) return null;
  const number = (key: keyof Fields, id: string, label: string, min: number, max: number) => (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" min={min} max={max} value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: Number(e.target.value) })} />
    </>
  );
  return (
    <section className="panel" aria-labelledby="records-settings-heading">
      <h2 id="records-settings-heading">Records and backups</h2>
      <form onSubmit={submit}>
        {number('retentionYears', 'retention-years', 'Keep records this many years after last contact (1–50)', 1, 50)}
        {number('backupKeep', 'backup-keep', 'Verified backups to keep in the backup folder (1–100)', 1, 100)}
        {number('backupReminderDays', 'backup-reminder', 'Remind me when the last verified backup is older than (days, 1–90)', 1, 90)}
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'success' : 'error'}>
            {message.text}
          </p>
        )}
        <button type="submit">Save records settings</button>
      </form>
    </section>
  );
}
