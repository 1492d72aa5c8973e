import { useState, type FormEvent } from 'react';
import type { RetentionStatus } from '../../../../src-shared/contract/retention';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatIsoDate } from '../../components/format';
import { api, call, errorMessage } from '../../vault';

/** Deleting a record past retention asks twice: a confirmation, then typing the client's name. */
export function PurgeClient({ client, onCancel, onDone }: { client: RetentionStatus; onCancel: () => void; onDone: (message: string) => void }) {
  const [step, setStep] = useState<'confirm' | 'type'>('confirm');
  const [phrase, setPhrase] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (step === 'confirm') {
    return (
      <ConfirmDialog title={`Delete the record of ${client.displayName}?`} confirmLabel="Continue" onConfirm={() => setStep('type')} onCancel={onCancel}>
        <p>
          The retention period ended on {formatIsoDate(client.retainUntil)}. Deleting removes the client and all {client.notes} notes from
          this vault for good. Older backups still contain them until they are rotated out.
        </p>
      </ConfirmDialog>
    );
  }

  async function purge(e: FormEvent) {
    e.preventDefault();
    try {
      const res = await call(api().retention.purge({ clientId: client.clientId, confirm: true, confirmPhrase: phrase }));
      onDone(`The record was deleted: ${res.deletedNotes} notes. The deletion is in the audit trail.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <div className="dialog-backdrop">
      <form className="card narrow" role="dialog" aria-modal="true" aria-labelledby="purge-heading" onSubmit={purge}>
        <h2 id="purge-heading">Type the client's name to delete</h2>
        <label htmlFor="purge-phrase">Client name</label>
        <input id="purge-phrase" value={phrase} onChange={(e) => setPhrase(e.target.value)} autoComplete="off" autoFocus />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
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
