import type { ClinicianProfile } from '../../../src-shared/contract/profile';
import { api, call } from './bridge';

/** The clinician's profile, or null before it is filled in. */
export async function loadProfile(): Promise<ClinicianProfile | null> {
  return (await call(api().profile.get({}))).profile;
}

/** Saves the whole profile; signatures made before keep the identity they were signed with. */
export function saveProfile(profile: ClinicianProfile): Promise<ClinicianProfile> {
  return call(api().profile.update(profile));
}
