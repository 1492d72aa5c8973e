import { useCallback, useEffect, useState } from 'react';
import type { CustodiansStatus } from '../../../../src-shared/contract/custodians';
import { custodiansStatus, type MadeKits } from '../../actions/custodians';
import { formatDay } from '../../components/format';
import { ErrorMessage } from '../../components/StatusMessage';
import { errorMessage } from '../../errors';
import { CustodianKits } from './CustodianKits';
import { NameCustodians } from './NameCustodians';
import { RevokeCustodians } from './RevokeCustodians';

/** The professional will: who can open the records together when the clinician cannot. */
export function ProfessionalWill() {
  const [status, setStatus] = useState<CustodiansStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<MadeKits | null>(null);
  const reload = useCallback(() => custodiansStatus().then(setStatus, (e: unknown) => setError(errorMessage(e))), []);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (made) {
    return (
      <CustodianKits
        made={made}
        onDone={() => {
          setMade(null);
          void reload();
        }}
      />
    );
  }
  return (
    <main className="page" aria-labelledby="will-heading">
      <h1 id="will-heading">Professional will</h1>
      <p>
        Name the people who can reach your clients&apos; records if you die or cannot work — for example an attorney, a colleague and
        your partner. Each gets a printed kit. A number of them that you choose must come together to open the vault; one alone never
        can. They can read, export and back up the records, and change nothing; all they do is recorded in the audit trail.
      </p>
      <ErrorMessage text={error} />
      {status && <Current status={status} />}
      {status && <NameCustodians replacing={status.named} onMade={setMade} />}
      {status?.named && <RevokeCustodians onDone={() => void reload()} />}
    </main>
  );
}

function Current({ status }: { status: CustodiansStatus }) {
  if (!status.slotIntact) {
    return (
      <p className="error" role="alert">
        The custodians&apos; way into the vault was removed or changed outside SessionVault: their kits would not open it. Make new kits.
      </p>
    );
  }
  if (!status.named) {
    return (
      <p className="panel" data-testid="custodians-current">
        No records custodians are named{status.revokedAt ? ` (the last kits were revoked on ${formatDay(status.revokedAt)})` : ''}.
      </p>
    );
  }
  return (
    <section className="panel" aria-labelledby="current-custodians-heading" data-testid="custodians-current">
      <h2 id="current-custodians-heading">Your custodians</h2>
      <p>
        Any {status.threshold} of these {status.names.length} together can open the vault. Kits made on {formatDay(status.createdAt!)}.
      </p>
      <ul>
        {status.names.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}
