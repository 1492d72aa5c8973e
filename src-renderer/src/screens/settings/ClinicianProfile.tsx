import { useEffect, useState } from 'react';
import { loadProfile, saveProfile } from '../../actions/profile';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmit } from '../../components/useSubmit';
import { ProfileFields, profileDraft, toProfile, type ProfileDraft } from './ProfileFields';

/** Who signs and prepares documents. Each signature keeps its own copy, so editing here never changes a signed note. */
export function ClinicianProfile() {
  const [draft, setDraft] = useState<ProfileDraft | null>(null);
  const { busy, status, run, onSubmit } = useSubmit();

  useEffect(() => {
    void run(async () => setDraft(profileDraft(await loadProfile())));
  }, [run]);

  const submit = onSubmit(async () => {
    if (!draft) return;
    setDraft(profileDraft(await saveProfile(toProfile(draft))));
    return 'Clinician profile saved. New signatures and documents use it; notes signed before keep the name they were signed with.';
  });

  if (!draft) return <StatusMessage status={status} />;
  return (
    <section className="panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Clinician profile</h2>
      <p className="hint">Your signature on every note names you with these details, and documents you hand over show them.</p>
      <form onSubmit={submit}>
        <ProfileFields idPrefix="profile" practice value={draft} onChange={setDraft} />
        <StatusMessage status={status} />
        <button type="submit" disabled={busy}>
          Save clinician profile
        </button>
      </form>
    </section>
  );
}
