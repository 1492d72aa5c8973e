import type { BackupListing } from '../../../../src-shared/ipc';
import { drillBackup, verifyBackup } from '../../actions/backup';
import { formatBytes, formatDateTime, plural } from '../../components/format';
import { TableHead } from '../../components/TableHead';

/** The backups in the folder, newest first, each with Verify and Restore drill. */
export function BackupList({ list, run }: { list: BackupListing[]; run: (action: () => Promise<string>, options?: { failText?: (m: string) => string }) => void }) {
  const verify = (b: BackupListing) =>
    run(
      async () => {
        const r = await verifyBackup(b.path);
        return `${b.name} verified: ${plural(r.notes, 'note')}, ${plural(r.clients, 'client')}, every chunk decrypted.`;
      },
      { failText: (m) => `${b.name}: ${m}` },
    );

  const drill = (b: BackupListing) =>
    run(
      async () => {
        const r = await drillBackup(b.path);
        const last = r.lastNoteAt ? formatDateTime(r.lastNoteAt) : 'none';
        return `Restore drill passed for ${b.name}: restored into a temporary folder and opened — ${plural(r.clients, 'client')}, ${plural(r.notes, 'note')}, last note ${last}. The temporary copy was deleted.`;
      },
      { failText: (m) => `Restore drill failed for ${b.name}: ${m}` },
    );

  if (list.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="backup-list-heading">
      <h2 id="backup-list-heading">Backups in this folder</h2>
      <table className="table">
        <TableHead columns={['Backup', 'Made', 'Size', 'State']} actions />
        <tbody>
          {list.map((b) => (
            <tr key={b.path}>
              <td>{b.name}</td>
              <td>{b.createdAt ? formatDateTime(b.createdAt) : '—'}</td>
              <td>{formatBytes(b.bytes)}</td>
              <td>{!b.readable ? 'Unreadable' : !b.sameVault ? 'Another vault' : b.verified ? 'Verified' : 'Not verified'}</td>
              <td className="actions">
                <button type="button" className="secondary" onClick={() => verify(b)} aria-label={`Verify ${b.name}`}>
                  Verify
                </button>
                <button type="button" className="secondary" onClick={() => drill(b)} aria-label={`Restore drill ${b.name}`}>
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
