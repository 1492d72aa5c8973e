import { useCallback, useEffect, useState } from 'react';
import { CONSENT_TYPES, type Consent, type ConsentType } from '../../../../src-shared/contract/consent';
import { addConsent, listConsents, revokeConsent } from '../../actions/consent';
import { formatIsoDate, todayIso } from '../../components/format';
import { StatusMessage } from '../../components/StatusMessage';
import { TableHead } from '../../components/TableHead';
import { useSubmit } from '../../components/useSubmit';
import '../checkup/checkup.css';

export const CONSENT_LABEL: Record<ConsentType, string> = {
  treatment: 'Treatment',
  'electronic-records': 'Electronic records',
  telehealth: 'Telehealth',
  'release-of-information': 'Release of information',
};

function describe(c: Consent): string {
  return c.type === 'release-of-information' && c.releaseTo ? `${CONSENT_LABEL[c.type]} to ${c.releaseTo}` : CONSENT_LABEL[c.type];
}

/** A client's consents: what is in force, the history, add and revoke, and a flag when no treatment consent is on file. */
export function ConsentPanel({ clientId }: { clientId: string }) {
  const [consents, setConsents] = useState<Consent[] | null>(null);
  const [treatmentOnFile, setTreatmentOnFile] = useState(true);
  const [adding, setAdding] = useState(false);
  /** The consent being revoked, and the date the client withdrew it. */
  const [revoking, setRevoking] = useState<{ id: string; on: string } | null>(null);
  const { status, run, onSubmit } = useSubmit();

  const reload = useCallback(async () => {
    const res = await listConsents(clientId);
    setConsents(res.consents);
    setTreatmentOnFile(res.treatmentOnFile);
  }, [clientId]);
  useEffect(() => {
    void run(reload);
  }, [run, reload]);

  const revoke = onSubmit(async () => {
    if (!revoking) return;
    await revokeConsent(revoking.id, revoking.on);
    setRevoking(null);
    await reload();
  });

  const inForce = consents?.filter((c) => c.revokedOn === undefined) ?? [];
  const revoked = consents?.filter((c) => c.revokedOn !== undefined) ?? [];
  return (
    <section className="panel" aria-labelledby="consent-heading">
      <h2 id="consent-heading">Consent</h2>
      {consents && !treatmentOnFile && (
        <p className="consent-flag" role="status" data-testid="consent-flag">
          No treatment consent on file.
        </p>
      )}
      <StatusMessage status={status} />
      {consents === null ? (
        <p className="empty">Loading…</p>
      ) : inForce.length === 0 ? (
        <p className="empty">No consent in force.</p>
      ) : (
        <table className="consent-table" aria-label="Consents in force">
          <TableHead columns={['Consent', 'Given', 'Form']} actions />
          <tbody>
            {inForce.map((c) => (
              <tr key={c.id}>
                <td>{describe(c)}</td>
                <td>{formatIsoDate(c.givenOn)}</td>
                <td>{c.form}</td>
                <td>
                  {revoking?.id === c.id ? (
                    <form onSubmit={revoke} className="row" aria-label={`Revoke ${describe(c)}`}>
                      <label htmlFor="consent-revoked-on" className="visually-hidden">
                        Date revoked
                      </label>
                      <input id="consent-revoked-on" type="date" value={revoking.on} onChange={(e) => setRevoking({ id: c.id, on: e.target.value })} required />
                      <button type="submit">Confirm revoke</button>
                      <button type="button" className="secondary" onClick={() => setRevoking(null)}>
                        Cancel
                      </button>
                    </form>
                  ) : (
                    <button type="button" className="secondary" onClick={() => setRevoking({ id: c.id, on: todayIso() })} aria-label={`Revoke ${describe(c)}`}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoked.length > 0 && (
        <table className="consent-table consent-revoked" aria-label="Consent history">
          <caption className="hint">History (revoked)</caption>
          <TableHead columns={['Consent', 'Given', 'Revoked', 'Form']} />
          <tbody>
            {revoked.map((c) => (
              <tr key={c.id}>
                <td>{describe(c)}</td>
                <td>{formatIsoDate(c.givenOn)}</td>
                <td>{formatIsoDate(c.revokedOn)}</td>
                <td>{c.form}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding ? (
        <AddConsent
          clientId={clientId}
          onDone={(changed) => {
            setAdding(false);
            if (changed) void run(reload);
          }}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          Add consent
        </button>
      )}
    </section>
  );
}

function AddConsent({ clientId, onDone }: { clientId: string; onDone: (changed: boolean) => void }) {
  const [type, setType] = useState<ConsentType>('treatment');
  const [releaseTo, setReleaseTo] = useState('');
  const [givenOn, setGivenOn] = useState(todayIso);
  const [form, setForm] = useState('');
  const { status, onSubmit } = useSubmit();

  const submit = onSubmit(async () => {
    const roi = type === 'release-of-information';
    await addConsent({ clientId, type, givenOn, form, ...(roi ? { releaseTo } : {}) });
    onDone(true);
  });

  return (
    <form onSubmit={submit} aria-label="Add consent">
      <label htmlFor="consent-type">Type of consent</label>
      <select id="consent-type" value={type} onChange={(e) => setType(e.target.value as ConsentType)}>
        {CONSENT_TYPES.map((t) => (
          <option key={t} value={t}>
            {CONSENT_LABEL[t]}
          </option>
        ))}
      </select>
      {type === 'release-of-information' && (
        <>
          <label htmlFor="consent-release-to">Released to (person or organisation)</label>
          <input id="consent-release-to" value={releaseTo} onChange={(e) => setReleaseTo(e.target.value)} />
        </>
      )}
      <label htmlFor="consent-given">Date given</label>
      <input id="consent-given" type="date" value={givenOn} onChange={(e) => setGivenOn(e.target.value)} required />
      <label htmlFor="consent-form">Form version or summary</label>
      <input id="consent-form" value={form} onChange={(e) => setForm(e.target.value)} />
      <StatusMessage status={status} />
      <div className="row">
        <button type="submit">Save consent</button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
