import { useApp } from '../../store';
import { RestoreForm } from './RestoreForm';

/** First screen on a new computer: bring the vault back from the USB backup. */
export function FirstRestore() {
  const banner = useApp((s) => s.banner);
  return (
    <main className="card">
      <h1>Restore from backup</h1>
      {banner && (
        <p className="banner" role="alert">
          {banner}
        </p>
      )}
      <p>
        Plug in the drive with your backups: they are listed here, newest first. Pick one and type the password you used when
        it was made — or your Recovery Key if you no longer know it.
      </p>
      <RestoreForm overExisting={banner !== null} />
      {banner === null && (
        <button type="button" className="link" onClick={() => useApp.setState({ phase: 'create' })}>
          Start a new, empty vault instead
        </button>
      )}
    </main>
  );
}
