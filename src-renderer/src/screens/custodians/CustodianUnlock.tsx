import { useEffect, useState, type ChangeEvent } from 'react';
import { shareFromKitText } from '../../../../src-shared/custodian-kit';
import { unlock } from '../../actions/session';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { CallError, userError } from '../../errors';

/**
 * "I am a records custodian": k shares, typed or read from each kit's file (in this window only:
 * the file's text never goes anywhere but into the field). Opens the vault read-only.
 */
export function CustodianUnlock({ threshold, count, onBack }: { threshold: number; count: number; onBack: () => void }) {
  const [shares, setShares] = useState(() => Array.from({ length: threshold }, () => ''));
  const [waitSeconds, setWaitSeconds] = useState(0);
  const { busy, status, setStatus, onSubmit } = useSubmit();

  useEffect(() => {
    if (waitSeconds <= 0) return;
    const t = setTimeout(() => setWaitSeconds((s) => s - 1), 1000);
    return () => clearTimeout(t);
  }, [waitSeconds]);

  const setShare = (i: number, value: string) => setShares((all) => all.map((s, j) => (j === i ? value : s)));

  async function load(i: number, e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const share = file.size <= 64 * 1024 ? shareFromKitText(await file.text()) : null;
    if (share) {
      setShare(i, share);
      setStatus(null);
    } else {
      setStatus({ ok: false, text: `That file holds no custodian share. Choose the kit file (SessionVault-Custodian-Kit-…txt) or type share ${i + 1}.` });
    }
  }

  const submit = onSubmit(
    async () => {
      if (shares.some((s) => !s.trim())) throw userError(`Enter all ${threshold} shares.`);
      await unlock({ custodianShares: shares.map((s) => s.trim()) });
    },
    { onError: (err) => err instanceof CallError && err.error.retryAfterSeconds && setWaitSeconds(err.error.retryAfterSeconds) },
  );

  return (
    <>
      <h2>Open as records custodian</h2>
      <p>
        Any {threshold} of the {count} custodians’ kits together open this vault, read-only. Everything you open and export is recorded in
        the audit trail as done by the records custodian.
      </p>
      <form onSubmit={submit}>
        {shares.map((share, i) => (
          <div key={i} className="custodian-share-field">
            <label htmlFor={`share-${i}`}>Share {i + 1}</label>
            <input id={`share-${i}`} value={share} autoComplete="off" spellCheck={false} placeholder="SVCS-…" onChange={(e) => setShare(i, e.target.value)} />
            <label htmlFor={`share-file-${i}`} className="hint">
              Or load share {i + 1} from a kit file
            </label>
            <input id={`share-file-${i}`} type="file" accept=".txt,text/plain" onChange={(e) => void load(i, e)} />
          </div>
        ))}
        <StatusMessage status={status && waitSeconds > 0 ? { ...status, text: `${status.text} (${waitSeconds} s)` } : status} />
        <button type="submit" disabled={busy || waitSeconds > 0}>
          {busy ? 'Opening…' : 'Open as custodian'}
        </button>
      </form>
      <button type="button" className="link" onClick={onBack}>
        Use the password instead
      </button>
    </>
  );
}
