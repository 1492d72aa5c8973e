import { useEffect, useState } from 'react';
import type { Settings } from '../../../../src-shared/ipc';
import { refreshBackupReminder } from '../../actions/backup';
import { loadSettings, saveSettings } from '../../actions/settings';
import { NumberField } from '../../components/NumberField';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';

type Fields = Pick<Settings, 'retentionYears' | 'backupKeep' | 'backupReminderDays'>;

/** Retention period and backup rotation/reminder, stored encrypted in the vault. */
export function RecordsSettings() {
  const [fields, setFields] = useState<Fields | null>(null);
  const { status, run, onSubmit } = useSubmit();

  useEffect(() => {
    void run(async () => {
      const s = await loadSettings();
      setFields({ retentionYears: s.retentionYears, backupKeep: s.backupKeep, backupReminderDays: s.backupReminderDays });
    });
  }, [run]);

  const submit = onSubmit(async () => {
    if (!fields) return;
    await saveSettings(fields);
    await refreshBackupReminder();
    return 'Records and backup settings saved.';
  });

  if (!fields) return <StatusMessage status={status} />;
  const number = (key: keyof Fields, id: string, label: string, min: number, max: number) => (
    <NumberField id={id} label={label} min={min} max={max} value={fields[key]} onChange={(v) => setFields({ ...fields, [key]: v ?? 0 })} />
  );
  return (
    <section className="panel" aria-labelledby="records-settings-heading">
      <h2 id="records-settings-heading">Records and backups</h2>
      <form onSubmit={submit}>
        {number('retentionYears', 'retention-years', 'Keep records this many years after last contact (1–50)', 1, 50)}
        {number('backupKeep', 'backup-keep', 'Verified backups to keep in the backup folder (1–100)', 1, 100)}
        {number('backupReminderDays', 'backup-reminder', 'Remind me when the last verified backup is older than (days, 1–90)', 1, 90)}
        <StatusMessage status={status} />
        <button type="submit">Save records settings</button>
      </form>
    </section>
  );
}
