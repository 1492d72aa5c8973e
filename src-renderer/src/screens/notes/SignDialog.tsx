import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ClinicianProfile } from '../../../../src-shared/contract/profile';
import { signatureLine } from '../../../../src-shared/document-text';
import { loadProfile, saveProfile } from '../../actions/profile';
import { errorMessage } from '../../errors';
import { ProfileFields, profileDraft, toProfile, type ProfileDraft } from '../settings/ProfileFields';

type Step = { step: 'loading' } | { step: 'who'; draft: ProfileDraft } | { step: 'confirm'; profile: ClinicianProfile };

/**
 * Signing: every signature names the clinician, so before the first one the dialog asks who
 * signs (saved as the clinician profile), then shows the exact line the signature will carry.
 */
export function SignDialog({ onSign, onCancel }: { onSign: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<Step>({ step: 'loading' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  useEffect(() => {
    loadProfile().then(
      (profile) => setState(profile ? { step: 'confirm', profile } : { step: 'who', draft: profileDraft(null) }),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);

  async function saveWho(e: FormEvent) {
    e.preventDefault();
    if (state.step !== 'who') return;
    setError(null);
    try {
      setState({ step: 'confirm', profile: await saveProfile(toProfile(state.draft)) });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <dialog ref={dialog} className="confirm" aria-labelledby="sign-title" onCancel={onCancel}>
      <h2 id="sign-title">Sign this note?</h2>
      {state.step === 'who' && (
        <form onSubmit={(e) => void saveWho(e)}>
          <p>Your signature names you as your license does. Enter it once; you can change it later under Settings, Clinician profile.</p>
          <ProfileFields idPrefix="sign-profile" practice={false} value={state.draft} onChange={(draft) => setState({ step: 'who', draft })} />
          {error && <p className="error" role="alert">{error}</p>}
          <div className="row">
            <button type="submit">Save and continue</button>
            <button type="button" className="secondary" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {state.step === 'confirm' && (
        <>
          <div className="confirm-body">
            <p>A signed note can never be changed again. Corrections are made as addenda, each with its own date and time.</p>
            <p>Your signature will read:</p>
            <p className="signature-preview">{signatureLine(Date.now(), state.profile)}</p>
          </div>
          <div className="row">
            <button type="button" onClick={onSign}>
              Sign
            </button>
            <button type="button" className="secondary" onClick={onCancel} autoFocus>
              Cancel
            </button>
          </div>
        </>
      )}
      {state.step === 'loading' && (error ? <p className="error" role="alert">{error}</p> : <p className="hint">Opening…</p>)}
    </dialog>
  );
}
