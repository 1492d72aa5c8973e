import type { BackupListing } from '../../../../src-shared/ipc';
import { TableHead } from '../../components/TableHead';
import { BackupRow } from './BackupRow';

/** The backups in the folder, newest first; each row shows its own verify and drill results. */
export function BackupList({ list, onChecked }: { list: BackupListing[]; onChecked: () => void }) {
  if (list.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="backup-list-heading">
      <h2 id="backup-list-heading">Backups in this folder</h2>
      <p className="hint">A restore drill restores a backup into a temporary folder, opens it and deletes the copy: it proves the backup works without touching your vault.</p>
      <table className="table" aria-labelledby="backup-list-heading">
        <TableHead columns={['Backup', 'Made', 'Size', 'State', 'Last check']} actions />
        <tbody>
          {list.map((b) => (
            <BackupRow key={b.handle} backup={b} onChecked={onChecked} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
