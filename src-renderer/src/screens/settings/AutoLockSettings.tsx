import { useEffect, useState } from 'react';
import type { Settings } from '../../../../src-shared/ipc';
import { loadSettings, saveSettings } from '../../actions/settings';
import { NumberField } from '../../components/NumberField';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';

/** Idle timeout and hidden-window lock; stored encrypted in the vault. */
export function AutoLockSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const { status, run, onSubmit } = useSubmit();

  useEffect(() => {
    void run(async () => setSettings(await loadSettings()));
  }, [run]);

  const submit = onSubmit(async () => {
    if (!settings) return;
    const { idleLockMinutes, lockWhenHiddenMinutes, clipboardClearSeconds } = settings;
    setSettings(await saveSettings({ idleLockMinutes, lockWhenHiddenMinutes, clipboardClearSeconds }));
    return 'Auto-lock settings saved.';
  });

  if (!settings) return <StatusMessage status={status} />;
  return (
    <section className="panel" aria-labelledby="autolock-heading">
      <h2 id="autolock-heading">Auto-lock</h2>
      <form onSubmit={submit}>
        <NumberField
          id="idle-minutes"
          label="Lock after this many minutes without activity (1–60)"
          min={1}
          max={60}
          value={settings.idleLockMinutes}
          onChange={(v) => setSettings({ ...settings, idleLockMinutes: v ?? 0 })}
        />
        <NumberField
          id="hidden-minutes"
          label="Also lock when the window is hidden or minimized for (minutes, empty = never)"
          min={1}
          max={60}
          optional
          value={settings.lockWhenHiddenMinutes}
          onChange={(v) => setSettings({ ...settings, lockWhenHiddenMinutes: v })}
        />
        <NumberField
          id="clipboard-seconds"
          label="Clear text copied from a note after (seconds, 5–300)"
          min={5}
          max={300}
          value={settings.clipboardClearSeconds}
          onChange={(v) => setSettings({ ...settings, clipboardClearSeconds: v ?? 0 })}
        />
        <p className="hint">The vault also locks when the computer sleeps or the screen locks, and with Ctrl+L.</p>
        <StatusMessage status={status} />
        <button type="submit">Save auto-lock settings</button>
      </form>
    </section>
  );
}
