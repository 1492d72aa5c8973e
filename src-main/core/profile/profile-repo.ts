import { clinicianProfile, type ClinicianProfile, type Signer } from '../../../src-shared/contract/profile';
import { VaultError } from '../errors';
import { recordType, type RecordStore } from '../records/record-store';

/** The one profile record. A fixed id: random record ids are 32 hex characters, so no clash. */
export const PROFILE_RECORD_ID = 'profile';

const NO_PROFILE =
  'Add your name, credential and license under Settings, Clinician profile, before signing: every signature records who signed.';

/** The profile record (kind 'profile'). */
export const profileRecord = recordType('profile', clinicianProfile, 'clinician profile');

/** The clinician's profile as an encrypted record of kind 'profile' (every revision kept, like any record). */
export class ProfileRepo {
  constructor(private readonly store: RecordStore) {}

  /** The profile, or null when none was saved yet (or the record no longer reads). */
  get(): ClinicianProfile | null {
    try {
      return this.store.get(PROFILE_RECORD_ID, profileRecord).payload;
    } catch (error) {
      // A damaged profile reads as none: signing then asks for it again rather than signing with a guess.
      if (error instanceof VaultError && (error.code === 'NOT_FOUND' || error.code === 'VAULT_CORRUPT')) return null;
      throw error;
    }
  }

  /** Saves the whole profile as a new revision; optional fields left empty are not stored. */
  update(input: ClinicianProfile): ClinicianProfile {
    const next = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== '')) as ClinicianProfile;
    const rev = this.headRev();
    if (rev === null) this.store.insert(profileRecord, next, PROFILE_RECORD_ID);
    else this.store.update(PROFILE_RECORD_ID, profileRecord, rev, next);
    return next;
  }

  /** Who signs now: the identity part of the profile, or INVALID_INPUT when there is none. */
  signer(): Signer {
    const p = this.get();
    if (!p) throw new VaultError('INVALID_INPUT', NO_PROFILE);
    return { name: p.name, credential: p.credential, licenseNumber: p.licenseNumber, licenseState: p.licenseState, ...(p.npi ? { npi: p.npi } : {}) };
  }

  private headRev(): number | null {
    try {
      return this.store.head(PROFILE_RECORD_ID, profileRecord).rev;
    } catch (error) {
      if (error instanceof VaultError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}
