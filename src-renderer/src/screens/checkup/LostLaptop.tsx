import { useApp } from '../../store';
import { Incidents } from './Incidents';
import './checkup.css';

/** What a thief can and cannot read, what to do, and a place to record the incident. */
export function LostLaptop() {
  const go = (view: 'backups' | 'settings' | 'checkup') => () => useApp.setState({ view });
  return (
    <main className="page" aria-labelledby="lost-heading">
      <h1 id="lost-heading">If this laptop is lost</h1>
      <div className="lost-columns">
        <section className="panel" aria-labelledby="cannot-heading">
          <h2 id="cannot-heading">What a thief cannot read</h2>
          <ul>
            <li>Notes, client names, consents, settings and the audit trail: all encrypted in the vault file.</li>
            <li>Backups on your USB drive: encrypted the same way.</li>
            <li>Anything, without your password (and key file, if you use one) or your Recovery Key.</li>
          </ul>
        </section>
        <section className="panel" aria-labelledby="can-heading">
          <h2 id="can-heading">What a thief can see</h2>
          <ul>
            <li>That SessionVault is installed, and roughly how big the vault is.</li>
            <li>Whatever was on screen if the laptop was taken while unlocked, until auto-lock kicks in.</li>
            <li>Other files on the laptop (downloads, printed exports) unless the disk itself is encrypted.</li>
            <li>With a weak password, the vault could be guessed offline in time: that is why strength matters.</li>
          </ul>
        </section>
      </div>
      <section className="panel" aria-labelledby="steps-heading">
        <h2 id="steps-heading">What to do</h2>
        <ol>
          <li>
            On a new laptop, install SessionVault and choose <strong>Restore from backup</strong> with the USB drive and your
            Recovery Key (or password).
          </li>
          <li>
            <button type="button" className="link" onClick={go('settings')}>
              Change the password
            </button>{' '}
            — the lost copy still opens with the old one.
          </li>
          <li>
            <button type="button" className="link" onClick={go('settings')}>
              Make a new Recovery Kit
            </button>{' '}
            if the old kit was with the laptop.
          </li>
          <li>Review the audit trail for anything you did not do.</li>
          <li>
            <button type="button" className="link" onClick={go('backups')}>
              Back up
            </button>{' '}
            the restored vault, then record what happened below. A breach of unencrypted data may have to be reported; the
            record helps you decide and shows what you did.
          </li>
        </ol>
        <button type="button" className="secondary" onClick={go('checkup')}>
          Back to the Security Checkup
        </button>
      </section>
      <Incidents />
    </main>
  );
}
