import { useEffect, useState } from 'react';
import { loadSettings, saveSettings, spellCheckAvailable } from '../../actions/settings';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';

/** Spell check while writing: on where the OS checks spelling offline, and a setting to turn it off. */
export function SpellingSettings() {
  const [on, setOn] = useState<boolean | null>(null);
  const [available, setAvailable] = useState(true);
  const { status, run } = useSubmit();

  useEffect(() => {
    void run(async () => {
      const [settings, offered] = await Promise.all([loadSettings(), spellCheckAvailable()]);
      setOn(settings.spellCheck);
      setAvailable(offered);
    });
  }, [run]);

  const change = (next: boolean) =>
    run(async () => {
      setOn((await saveSettings({ spellCheck: next })).spellCheck);
      return next ? 'Spell check is on.' : 'Spell check is off.';
    });

  if (on === null) return <StatusMessage status={status} />;
  return (
    <section className="panel" aria-labelledby="spelling-heading">
      <h2 id="spelling-heading">Spelling</h2>
      <label className="check">
        <input type="checkbox" checked={on && available} disabled={!available} onChange={(e) => void change(e.target.checked)} aria-describedby="spelling-hint" />
        Check spelling while I write
      </label>
      <p id="spelling-hint" className="hint">
        {available
          ? 'Your computer checks the spelling itself: no word you type leaves it.'
          : 'Not available on Linux: spell check there would download dictionaries from the internet, and SessionVault never goes online. It stays off.'}
      </p>
      <StatusMessage status={status} />
    </section>
  );
}
