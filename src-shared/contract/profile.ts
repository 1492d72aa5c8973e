import { z } from 'zod';
import { empty, type ChannelSpec } from './common';

/**
 * The clinician's professional identity, stored encrypted in the vault (record `profile`). Every
 * signature and addendum keeps a copy of it as it was at that moment (`signer`), so changing a
 * name or a license later never rewrites signed history.
 */

const required = (max: number, missing: string) =>
  z.string().trim().min(1, missing).max(max, `Too long (the limit is ${max} characters).`);
const optional = (max: number) => z.string().trim().max(max, `Too long (the limit is ${max} characters).`).optional();

/** True when the 10 digits pass the NPI check digit (Luhn over "80840" + the first nine digits). */
export function validNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`.split('').map(Number);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const fromRight = digits.length - 1 - i;
    let d = digits[i]!;
    if (fromRight % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export const npi = z.string().trim().refine(validNpi, 'An NPI is 10 digits with a valid check digit; check it for a typo.');

export const signerShape = {
  name: required(200, 'Enter your name as it should appear on signatures.'),
  credential: required(50, 'Enter your credential, for example LCSW or PsyD.'),
  licenseNumber: required(50, 'Enter your license number.'),
  licenseState: required(50, 'Enter the state or board that issued the license, for example CA.'),
};

/** Who signed: the part of the profile each signature keeps, frozen at the moment of signing. */
export const signer = z.object({ ...signerShape, npi: npi.optional() });

export const clinicianProfile = z
  .object({
    ...signerShape,
    practiceName: optional(200),
    address: optional(500),
    phone: optional(50),
    npi: npi.optional(),
  })
  .strict();

export const profileContract = {
  /** The profile, or null before the clinician has filled it in. VAULT_LOCKED while locked. */
  'profile.get': { input: empty, output: z.object({ profile: clinicianProfile.nullable() }) },
  /** Replaces the whole profile (empty optional fields are left out). Signatures made before keep their own copy. */
  'profile.update': { input: clinicianProfile, output: clinicianProfile },
} as const satisfies Record<`profile.${string}`, ChannelSpec>;

export type ClinicianProfile = z.output<typeof clinicianProfile>;
export type Signer = z.output<typeof signer>;
