import { z } from 'zod';
import { fileHandle, id, type ChannelSpec } from './common';

/** How the transfer file is locked: to the receiver's age public key, or with a passphrase the app makes. */
export const transferMethod = z.discriminatedUnion('kind', [
  /** "age1…" as age-keygen printed it for the receiving clinician. */
  z.object({ kind: z.literal('publicKey'), publicKey: z.string().trim().min(1, 'Paste the receiving clinician’s age public key.').max(4096) }).strict(),
  /** The app makes a strong passphrase and returns it once, to be given by phone, never with the file. */
  z.object({ kind: z.literal('passphrase') }).strict(),
]);

/** One disclosure as the vault keeps it (encrypted): to whom, when, what and how. */
export const disclosure = z.object({
  id,
  clientId: id,
  recipientName: z.string(),
  recipientOrganisation: z.string(),
  method: z.enum(['publicKey', 'passphrase']),
  /** The receiver's age public key, when the file was locked to one (public, and which key matters). */
  publicKey: z.string().optional(),
  format: z.enum(['pdf', 'html']),
  /** Notes in the file, psychotherapy notes included. */
  notes: z.number().int().min(0),
  /** Psychotherapy notes in the file: 0 unless the clinician asked for them and confirmed it. */
  psychotherapyNotes: z.number().int().min(0),
  at: z.number(),
  /** Who sent it: the clinician, or the records custodians (custodian mode). */
  by: z.enum(['clinician', 'custodian']),
});

/**
 * Transfer of care: a client's record for the receiving clinician, encrypted with age
 * (age-encryption.org) so the standard `age` tool opens it and nothing of SessionVault is needed.
 * Psychotherapy notes stay out unless `includePsychotherapy` and `psychotherapyConfirmed` are
 * both true (the second confirmation the screen asks for). Every transfer is a disclosure,
 * kept encrypted with the receiver's name, and in the audit trail. Failures: INVALID_INPUT
 * (not an age public key, a secret key pasted instead, psychotherapy notes not confirmed),
 * NOT_FOUND, IO_ERROR, DISK_FULL.
 */
export const transferContract = {
  'transfer.client': {
    input: z
      .object({
        clientId: id,
        recipientName: z.string().trim().min(1, 'Enter the receiving clinician’s name.').max(200),
        recipientOrganisation: z.string().trim().max(200).default(''),
        method: transferMethod,
        includeUnsigned: z.boolean().default(false),
        includePsychotherapy: z.boolean().default(false),
        psychotherapyConfirmed: z.boolean().default(false),
        /** An 'export-folder' handle: where the encrypted file goes. */
        folder: fileHandle,
      })
      .strict()
      .refine((i) => !i.includePsychotherapy || i.psychotherapyConfirmed, {
        message: 'Psychotherapy notes go only after a second confirmation.',
        path: ['psychotherapyConfirmed'],
      }),
    output: z.object({
      /** The written `.age` file (a new name; no client or receiver name in it). */
      path: z.string(),
      /** The passphrase, when the app made one: shown once, never stored. */
      passphrase: z.string().nullable(),
      disclosure,
    }),
  },
  /** The client's accounting of disclosures: every transfer, newest first. */
  'transfer.list': { input: z.object({ clientId: id }).strict(), output: z.array(disclosure) },
} as const satisfies Record<`transfer.${string}`, ChannelSpec>;

export type Disclosure = z.output<typeof disclosure>;
export type TransferMethod = z.output<typeof transferMethod>;
