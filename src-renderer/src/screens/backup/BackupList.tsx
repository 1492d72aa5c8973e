import type { BackupFileState } from '../../../../src-shared/contract/backup';
import type { BackupListing } from '../../../../src-shared/ipc';
import { useApp } from '../../store';
import { api, call, errorMessage } from '../../vault';
import { formatBytes } from './Backups';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** What the row says about a file: only "Verified" is proof; the rest say what is known. */
const STATE_TEXT: Record<BackupFileState, string> = {
  verified: 'Verified',
  changed: 'Changed since it was verified',
  recheck: 'Verified by an earlier version: verify again',
  failed: 'Failed its last check',
  'not-verified': 'Not verified',
  'other-vault': 'Another vault',
  unreadable: 'Unreadable',
};

/** The backups in the folder, newest first, each with Verify and Restore drill. */
export function BackupList({ list, onMessage }: { list: BackupListing[]; onMessage: (m: { ok: boolean; text: string }) => void }) {
  async function verify(b: BackupListing) {
    try {
      const r = await call(api().backup.verify({ path: b.path }));
      onMessage({ ok: true, text: `${b.name} verified: ${r.notes} notes, ${r.clients} clients, every chunk decrypted.` });
    } catch (err) {
      onMessage({ ok: false, text: `${b.name}: ${errorMessage(err)}` });
    } finally {
      useApp.setState({ backupProgress: null });
    }
  }

  async function drill(b: BackupListing) {
    try {
      const r = await call(api().backup.drill({ path: b.path }));
      const last = r.lastNoteAt ? when.format(r.lastNoteAt) : 'none';
      onMessage({
        ok: r.damaged === 0,
        text: `Restore drill passed for ${b.name}: restored into a temporary folder and opened — ${r.clients} clients, ${r.notes} notes, last note ${last}. The temporary copy was deleted.`,
      });
    } catch (err) {
      onMessage({ ok: false, text: `Restore drill failed for ${b.name}: ${errorMessage(err)}` });
    } finally {
      useApp.setState({ backupProgress: null });
    }
  }

  if (list.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="backup-list-heading">
      <h2 id="backup-list-heading">Backups in this folder</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Backup</th>
            <th scope="col">Made</th>
            <th scope="col">Size</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((b) => (
            <tr key={b.path}>
              <td>{b.name}</td>
              <td>
                {b.createdAt ? when.format(b.createdAt) : '—'}
                {b.createdAt && !b.detailsVerified && (
                  <span className="unverified" title="Read from the file's own header, which anyone with the drive can edit. Verify the backup to prove it.">
                    {' '}
                    (unverified)
                  </span>
                )}
              </td>
              <td>{formatBytes(b.bytes)}</td>
              <td>{STATE_TEXT[b.state]}</td>
              <td className="actions">
                <button type="button" className="secondary" onClick={() => void verify(b)} aria-label={`Verify ${b.name}`}>
                  Verify
                </button>
                <button type="button" className="secondary" onClick={() => void drill(b)} aria-label={`Restore drill ${b.name}`}>
                  Restore drill
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
