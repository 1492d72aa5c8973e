import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../src-shared/ipc';
import { api, call, errorMessage } from '../../vault';

/** Idle timeout and hidden-window lock; stored encrypted in the vault. */
export function AutoLockSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void call(api().settings.get({})).then(setSettings, (e: unknown) => setMessage({ ok: false, text: errorMessage(e) }));
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!settings) return;
    try {
      setSettings(
        await call(
          api().settings.update({
            idleLockMinutes: settings.idleLockMinutes,
            lockWhenHiddenMinutes: settings.lockWhenHiddenMinutes,
            clipboardClearSeconds: settings.clipboardClearSeconds,
          }),
        ),
      );
      setMessage({ ok: true, text: 'Auto-lock settings saved.' });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  if (!settings) return null;
  return (
    <section className="panel" aria-labelledby="autolock-heading">
      <h2 id="autolock-heading">Auto-lock</h2>
      <form onSubmit={submit}>
        <label htmlFor="idle-minutes">Lock after this many minutes without activity (1–60)</label>
        <input
          id="idle-minutes"
          type="number"
          min={1}
          max={60}
          value={settings.idleLockMinutes}
          onChange={(e) => setSettings({ ...settings, idleLockMinutes: Number(e.target.value) })}
        />
        <label htmlFor="hidden-minutes">Also lock when the window is hidden or minimized for (minutes, empty = never)</label>
        <input
          id="hidden-minutes"
          type="number"
          min={1}
          max={60}
          value={settings.lockWhenHiddenMinutes ?? ''}
          onChange={(e) => setSettings({ ...settings, lockWhenHiddenMinutes: e.target.value === '' ? null : Number(e.target.value) })}
        />
        <label htmlFor="clipboard-seconds">Clear text copied from a note after (seconds, 5–300)</label>
        <input
          id="clipboard-seconds"
          type="number"
          min={5}
          max={300}
          value={settings.clipboardClearSeconds}
          onChange={(e) => setSettings({ ...settings, clipboardClearSeconds: Number(e.target.value) })}
        />
        <p className="hint">The vault also locks when the computer sleeps or the screen locks, and with Ctrl+L.</p>
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'success' : 'error'}>
            {message.text}
          </p>
        )}
        <button type="submit">Save auto-lock settings</button>
      </form>
    </section>
  );
}
