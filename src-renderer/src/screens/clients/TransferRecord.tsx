import { useCallback, useEffect, useState } from 'react';
import type { Disclosure } from '../../../../src-shared/contract/transfer';
import type { ChosenPlace } from '../../../../src-shared/ipc';
import { listDisclosures, transferRecord } from '../../actions/transfer';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FileChoice } from '../../components/FileChoice';
import { formatDateTime, plural } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';

/**
 * Transfer of care: the client's record for the next clinician, encrypted with age so that they
 * open it with the standard `age` tool. Every transfer is kept as a disclosure.
 */
export function TransferRecord({ clientId, psychotherapyCount }: { clientId: string; psychotherapyCount: number }) {
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [how, setHow] = useState<'publicKey' | 'passphrase'>('publicKey');
  const [publicKey, setPublicKey] = useState('');
  const [includeUnsigned, setIncludeUnsigned] = useState(false);
  const [psychotherapy, setPsychotherapy] = useState<'out' | 'asking' | 'in'>('out');
  const [folder, setFolder] = useState<ChosenPlace | null>(null);
  const [passphrase, setPassphrase] = useState<{ text: string; to: string } | null>(null);
  const [history, setHistory] = useState<Disclosure[]>([]);
  const { busy, status, onSubmit } = useSubmit();

  const reload = useCallback(() => listDisclosures(clientId).then(setHistory, () => setHistory([])), [clientId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const submit = onSubmit(async () => {
    if (!folder) return;
    const res = await transferRecord({
      clientId,
      recipientName: name,
      recipientOrganisation: organisation,
      method: how === 'publicKey' ? { kind: 'publicKey', publicKey } : { kind: 'passphrase' },
      includeUnsigned,
      includePsychotherapy: psychotherapy === 'in',
      psychotherapyConfirmed: psychotherapy === 'in',
      folder: folder.handle,
    });
    if (res.passphrase) setPassphrase({ text: res.passphrase, to: res.disclosure.recipientName });
    void reload();
    const what = `${plural(res.disclosure.notes, 'note')}${res.disclosure.psychotherapyNotes ? `, ${plural(res.disclosure.psychotherapyNotes, 'psychotherapy note')} among them` : ''}`;
    return `Saved ${res.path} (${what}), encrypted ${res.passphrase ? 'with the passphrase below' : `for ${res.disclosure.recipientName}'s key`}. Send the file; they open it with the age tool.`;
  });

  return (
    <section className="panel" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Transfer of care</h2>
      <p>
        The client&apos;s record for the clinician who takes over, as one encrypted file. They open it with the free, standard{' '}
        <em>age</em> tool — nothing of SessionVault is needed. The transfer is recorded as a disclosure.
      </p>
      <form onSubmit={submit}>
        <label htmlFor="transfer-name">Receiving clinician</label>
        <input id="transfer-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <label htmlFor="transfer-org">Their practice or organisation (optional)</label>
        <input id="transfer-org" value={organisation} onChange={(e) => setOrganisation(e.target.value)} autoComplete="off" />
        <fieldset className="choice">
          <legend>Lock the file</legend>
          <label>
            <input type="radio" name="transfer-how" checked={how === 'publicKey'} onChange={() => setHow('publicKey')} />
            With their age public key (they made it with age-keygen)
          </label>
          <label>
            <input type="radio" name="transfer-how" checked={how === 'passphrase'} onChange={() => setHow('passphrase')} />
            With a passphrase SessionVault makes, which you give them by phone
          </label>
        </fieldset>
        {how === 'publicKey' && (
          <>
            <label htmlFor="transfer-key">Their age public key (starts with age1)</label>
            <input id="transfer-key" value={publicKey} onChange={(e) => setPublicKey(e.target.value)} spellCheck={false} autoComplete="off" />
          </>
        )}
        <label className="check">
          <input type="checkbox" checked={includeUnsigned} onChange={(e) => setIncludeUnsigned(e.target.checked)} />
          Include unsigned drafts (marked as drafts)
        </label>
        {psychotherapyCount > 0 && (
          <label className="check">
            <input
              type="checkbox"
              checked={psychotherapy === 'in'}
              onChange={(e) => setPsychotherapy(e.target.checked ? 'asking' : 'out')}
            />
            Include the {plural(psychotherapyCount, 'psychotherapy note')} (left out unless you include them)
          </label>
        )}
        <FileChoice purpose="export-folder" label="Folder for the encrypted file" chooseLabel="Choose folder for the transfer file…" chosen={folder} onChosen={setFolder} />
        <StatusMessage status={status} />
        <button type="submit" disabled={busy || !name.trim() || !folder || (how === 'publicKey' && !publicKey.trim())}>
          {busy ? 'Encrypting…' : 'Encrypt the record for transfer'}
        </button>
      </form>
      {psychotherapy === 'asking' && (
        <ConfirmDialog
          title="Include psychotherapy notes?"
          confirmLabel="Include them"
          danger
          onCancel={() => setPsychotherapy('out')}
          onConfirm={() => setPsychotherapy('in')}
        >
          <p>
            Psychotherapy notes are kept apart from the record, and the law protects them more: they go to another clinician only with the
            client&apos;s own written authorization for exactly this. Include them only if you have it.
          </p>
        </ConfirmDialog>
      )}
      {passphrase && (
        <section className="shown-once" aria-labelledby="passphrase-heading">
          <h3 id="passphrase-heading">Passphrase for {passphrase.to}</h3>
          <p className="transfer-passphrase">
            {passphrase.text}
          </p>
          <p>
            Give it to them by phone, never in the same email or on the same drive as the file. They type it, dashes included, when
            <code> age --decrypt</code> asks. It is shown only now: SessionVault keeps no copy.
          </p>
          <button type="button" onClick={() => setPassphrase(null)}>
            I have given it or written it down
          </button>
        </section>
      )}
      {history.length > 0 && (
        <>
          <h3>Disclosures of this record</h3>
          <ul className="disclosures" aria-label="Disclosures of this record">
            {history.map((d) => (
              <li key={d.id}>
                {formatDateTime(d.at)}: to {d.recipientName}
                {d.recipientOrganisation ? ` (${d.recipientOrganisation})` : ''}, {plural(d.notes, 'note')}
                {d.psychotherapyNotes ? `, ${plural(d.psychotherapyNotes, 'psychotherapy note')} among them` : ', psychotherapy notes left out'},{' '}
                {d.method === 'publicKey' ? 'locked to their key' : 'locked with a passphrase'}
                {d.by === 'custodian' ? ' — sent by the records custodians' : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
