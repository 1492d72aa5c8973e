import { z } from 'zod';
import { id, MAX_TEXT, rev, type ChannelSpec } from './common';
import { isoDate, oneOf } from './notes';

/** Clients: everything here is encrypted at rest. Dates are ISO `YYYY-MM-DD`, times epoch ms. */

export const CLIENT_STATUSES = ['active', 'discharged'] as const;
export const clientStatus = z.enum(CLIENT_STATUSES, oneOf(CLIENT_STATUSES));
export const displayName = z
  .string()
  .max(200, 'Too long (the limit is 200 characters).')
  .refine((s) => s.trim().length > 0, 'Enter a name or a client code.');

export const clientSummary = z.object({
  id,
  rev,
  displayName: z.string(),
  status: clientStatus,
  dateOfBirth: isoDate.optional(),
  intakeDate: isoDate.optional(),
  /** Derived: the latest serviceDate of the client's notes that are not in the trash. */
  lastContactDate: isoDate.optional(),
  /** Set when archived: hidden from the default list, nothing deleted. */
  archivedAt: z.number().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const client = clientSummary.extend({
  /** Free text about the client (contacts, context); not a clinical note. */
  notes: z.string(),
});

const saved = z.object({ id, rev });
const idOnly = z.object({ id }).strict();

export const clientsContract = {
  /** Sorted by displayName. Archived clients only with includeArchived. */
  'clients.list': {
    input: z.object({ includeArchived: z.boolean().default(false), status: clientStatus.optional() }).strict(),
    output: z.array(clientSummary),
  },
  'clients.get': { input: idOnly, output: client },
  'clients.create': {
    input: z
      .object({
        displayName,
        dateOfBirth: isoDate.optional(),
        status: clientStatus.default('active'),
        intakeDate: isoDate.optional(),
        notes: z.string().max(MAX_TEXT, 'Too long (the limit is 1 MB of text).').default(''),
      })
      .strict(),
    output: saved,
  },
  /** A patch: absent keys keep their value; null clears an optional date. Stale baseRev -> CONFLICT. */
  'clients.update': {
    input: z
      .object({
        id,
        baseRev: rev,
        displayName: displayName.optional(),
        dateOfBirth: isoDate.nullable().optional(),
        status: clientStatus.optional(),
        intakeDate: isoDate.nullable().optional(),
        notes: z.string().max(MAX_TEXT, 'Too long (the limit is 1 MB of text).').optional(),
      })
      .strict(),
    output: saved,
  },
  'clients.archive': { input: idOnly, output: saved.extend({ archivedAt: z.number() }) },
  'clients.unarchive': { input: idOnly, output: saved },
} as const satisfies Record<`clients.${string}`, ChannelSpec>;

export type ClientStatus = z.output<typeof clientStatus>;
export type ClientSummary = z.output<typeof clientSummary>;
export type Client = z.output<typeof client>;
