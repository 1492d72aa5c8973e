import type { ClinicianProfile } from '../../../../src-shared/contract/profile';

const SIGNER_FIELDS = [
  ['name', 'Full name, as on your license', 'name'],
  ['credential', 'Credential (for example LCSW, LPC, PsyD)', 'off'],
  ['licenseNumber', 'License number', 'off'],
  ['licenseState', 'State or board that issued the license (for example CA)', 'off'],
] as const;

const PRACTICE_FIELDS = [
  ['practiceName', 'Practice name (optional)', 'organization'],
  ['address', 'Practice address (optional)', 'street-address'],
  ['phone', 'Phone (optional)', 'tel'],
  ['npi', 'NPI (optional, 10 digits)', 'off'],
] as const;

/** What a profile form edits: every field as text ('' for an empty optional one). */
export type ProfileDraft = Record<(typeof SIGNER_FIELDS)[number][0] | (typeof PRACTICE_FIELDS)[number][0], string>;

export function profileDraft(p: ClinicianProfile | null): ProfileDraft {
  return {
    name: p?.name ?? '',
    credential: p?.credential ?? '',
    licenseNumber: p?.licenseNumber ?? '',
    licenseState: p?.licenseState ?? '',
    practiceName: p?.practiceName ?? '',
    address: p?.address ?? '',
    phone: p?.phone ?? '',
    npi: p?.npi ?? '',
  };
}

/** The identity signatures print, and (with `practice`) the practice details documents show. */
export function ProfileFields({ value, onChange, practice, idPrefix }: { value: ProfileDraft; onChange: (v: ProfileDraft) => void; practice: boolean; idPrefix: string }) {
  const fields = practice ? [...SIGNER_FIELDS, ...PRACTICE_FIELDS] : SIGNER_FIELDS;
  return (
    <>
      {fields.map(([key, label, autoComplete]) => (
        <div key={key}>
          <label htmlFor={`${idPrefix}-${key}`}>{label}</label>
          <input
            id={`${idPrefix}-${key}`}
            value={value[key]}
            autoComplete={autoComplete}
            required={SIGNER_FIELDS.some(([k]) => k === key)}
            spellCheck={false}
            onChange={(e) => onChange({ ...value, [key]: e.target.value })}
          />
        </div>
      ))}
    </>
  );
}

/** The profile to save: optional fields left empty are left out. */
export function toProfile(d: ProfileDraft): ClinicianProfile {
  const optional = (v: string) => (v.trim() ? v : undefined);
  const practice = { practiceName: optional(d.practiceName), address: optional(d.address), phone: optional(d.phone), npi: optional(d.npi) };
  return {
    name: d.name,
    credential: d.credential,
    licenseNumber: d.licenseNumber,
    licenseState: d.licenseState,
    ...Object.fromEntries(Object.entries(practice).filter(([, v]) => v !== undefined)),
  };
}
