import type { BackupFileState } from '../../../../src-shared/contract/backup';
import type { BackupListing } from '../../../../src-shared/ipc';
import { drillBackup, verifyBackup } from '../../actions/backup';
import { formatBytes, formatDateTime, plural } from '../../components/format';
import { BackupProgressBar } from '../../components/Progress';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';

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

/** One backup: what it is, and the result of verifying or drilling it, on its own row. */
export function BackupRow({ backup: b, onChecked }: { backup: BackupListing; onChecked: () => void }) {
  const { busy, status, run } = useSubmit();

  const verify = () =>
    run(
      async () => {
        const r = await verifyBackup(b.handle).finally(onChecked);
        return `Verified: every chunk decrypted (${plural(r.notes, 'note')}, ${plural(r.clients, 'client')}).`;
      },
      { failText: (m) => `Verify failed: ${m}` },
    );

  const drill = () =>
    run(
      async () => {
        const r = await drillBackup(b.handle).finally(onChecked);
        const last = r.lastNoteAt ? formatDateTime(r.lastNoteAt) : 'none';
        return `Restore drill passed: ${plural(r.notes, 'note')} and ${plural(r.clients, 'client')} restored and opened; last note ${last}.`;
      },
      { failText: (m) => `Restore drill failed: ${m}` },
    );

  return (
    <tr>
      <th scope="row">{b.name}</th>
      <td>
        {b.createdAt ? formatDateTime(b.createdAt) : '—'}
        {b.createdAt && !b.detailsVerified && (
          <span className="unverified" title="Read from the file's own header, which anyone with the drive can edit. Verify the backup to prove it.">
            {' '}
            (unverified)
          </span>
        )}
      </td>
      <td>{formatBytes(b.bytes)}</td>
      <td>{STATE_TEXT[b.state]}</td>
      <td className="check-result">{busy ? <BackupProgressBar /> : <StatusMessage status={status} />}</td>
      <td className="actions">
        <button type="button" className="secondary" disabled={busy} onClick={() => void verify()} aria-label={`Verify ${b.name}`}>
          Verify
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void drill()} aria-label={`Restore drill ${b.name}`}>
          Restore drill
        </button>
      </td>
    </tr>
  );
}
