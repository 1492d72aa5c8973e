import { z } from 'zod';
import { id, type ChannelSpec } from './common';
import { isoDate, oneOf } from './notes';

/**
 * Informed consent on file, per client. A consent is never deleted: revoking it writes a new
 * revision with `revokedOn`, so the record shows what was in force and when.
 */
export const CONSENT_TYPES = ['treatment', 'electronic-records', 'telehealth', 'release-of-information'] as const;
export const consentType = z.enum(CONSENT_TYPES, oneOf(CONSENT_TYPES));

export const consent = z.object({
  id: z.string(),
  rev: z.number().int().min(1),
  clientId: z.string(),
  type: consentType,
  /** The named party records may be released to (release of information only). */
  releaseTo: z.string().optional(),
  givenOn: isoDate,
  /** The form's version or a short summary of what was agreed. */
  form: z.string(),
  revokedOn: isoDate.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

const addInput = z
  .object({
    clientId: id,
    type: consentType,
    releaseTo: z.string().trim().min(1).max(200).optional(),
    givenOn: isoDate,
    form: z.string().trim().min(1, 'Enter the form version or a short summary.').max(2000),
  })
  .strict()
  .refine((c) => c.type !== 'release-of-information' || c.releaseTo !== undefined, {
    message: 'Name the person or organisation the records may be released to.',
    path: ['releaseTo'],
  });

export const consentContract = {
  /** Every consent of a client (in force and revoked), newest first. NOT_FOUND for an unknown client. */
  'consent.list': {
    input: z.object({ clientId: id }).strict(),
    output: z.object({
      consents: z.array(consent),
      /** False when no treatment consent is in force: the client view flags it. */
      treatmentOnFile: z.boolean(),
    }),
  },
  /** Every revision of one consent, oldest first. */
  'consent.history': { input: z.object({ id }).strict(), output: z.array(consent) },
  'consent.add': { input: addInput, output: consent },
  /** INVALID_INPUT when already revoked or `revokedOn` is before the date it was given. */
  'consent.revoke': { input: z.object({ id, revokedOn: isoDate }).strict(), output: consent },
} as const satisfies Record<`consent.${string}`, ChannelSpec>;

export type ConsentType = z.output<typeof consentType>;
export type Consent = z.output<typeof consent>;
