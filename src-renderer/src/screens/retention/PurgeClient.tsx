import { useState } from 'react';
import type { RetentionStatus } from '../../../../src-shared/contract/retention';
import { purgeClient } from '../../actions/retention';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatIsoDate, plural } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';

/** Deleting a record past retention asks twice: a confirmation, then typing the client's name. */
export function PurgeClient({ client, onCancel, onDone }: { client: RetentionStatus; onCancel: () => void; onDone: (message: string) => void }) {
  const [step, setStep] = useState<'confirm' | 'type'>('confirm');
  const [phrase, setPhrase] = useState('');
  const { status, onSubmit } = useSubmit();

  if (step === 'confirm') {
    return (
      <ConfirmDialog title={`Delete the record of ${client.displayName}?`} confirmLabel="Continue" onConfirm={() => setStep('type')} onCancel={onCancel}>
        <p>
          The retention period ended on {formatIsoDate(client.retainUntil)}. Deleting removes the client and {client.notes === 1 ? 'their one note' : `all ${plural(client.notes, 'note')}`} from
          this vault for good. Older backups still contain them until they are rotated out.
        </p>
      </ConfirmDialog>
    );
  }

  const purge = onSubmit(async () => {
    const deletedNotes = await purgeClient(client.clientId, phrase);
    onDone(`The record was deleted: ${plural(deletedNotes, 'note')}. The deletion is in the audit trail.`);
  });

  return (
    <div className="dialog-backdrop">
      <form className="card narrow" role="dialog" aria-modal="true" aria-labelledby="purge-heading" onSubmit={purge}>
        <h2 id="purge-heading">Type the client's name to delete</h2>
        <label htmlFor="purge-phrase">Client name</label>
        <input id="purge-phrase" value={phrase} onChange={(e) => setPhrase(e.target.value)} autoComplete="off" autoFocus />
        <StatusMessage status={status} />
        <div className="row">
          <button type="submit" className="danger" disabled={!phrase}>
            Delete for good
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
