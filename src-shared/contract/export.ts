import { z } from 'zod';
import { careText } from '../measures/care-text';
import { client } from './clients';
import { fileHandle, id, type ChannelSpec } from './common';
import { consent } from './consent';
import { isoDate, note } from './notes';
import { clinicianProfile } from './profile';

/**
 * Records-request export (HIPAA §164.524): one client's record as a document, without
 * psychotherapy notes. Unsigned drafts are left out unless the clinician asks for them, and then
 * every page of each is marked UNSIGNED DRAFT. A date range limits the notes by date of service.
 * Files go into `folder`, an 'export-folder' handle (the folder the user chose).
 */
const recordsRequestShape = {
  clientId: id,
  /** Include unsigned notes, marked as drafts; left out by default. */
  includeUnsigned: z.boolean().default(false),
  /** Dates of service, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
};
const rangeInOrder = (r: { from?: string; to?: string }) => !r.from || !r.to || r.from <= r.to;
const RANGE_ERROR = { message: 'The first date must not be after the last.', path: ['to'] };

export const recordsRequest = z.object(recordsRequestShape).strict().refine(rangeInOrder, RANGE_ERROR);

/** What a records-request copy holds and what it leaves out (counts as the file states them). */
export const recordsCounts = z.object({
  /** Notes in the copy, unsigned drafts included. */
  notes: z.number().int().min(0),
  /** Of those, unsigned drafts (marked on every page). */
  unsignedIncluded: z.number().int().min(0),
  /** Left out: psychotherapy notes (the file states the rule, never this count). */
  psychotherapy: z.number().int().min(0),
  /** Left out: unsigned drafts. */
  unsigned: z.number().int().min(0),
  /** Left out: notes in the trash. */
  trashed: z.number().int().min(0),
  /** Left out: notes dated outside the requested range. */
  outsideRange: z.number().int().min(0),
});

/** The whole copy as data: rendered as PDF or HTML in core, or on screen for printing. */
export const recordsDocument = z.object({
  client,
  /** Who prepares the copy (the profile now); null before a profile exists. */
  clinician: clinicianProfile.nullable(),
  preparedAt: z.number(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Oldest first, as a record is read. */
  notes: z.array(note),
  consents: z.array(consent),
  /** Measures in the requested dates and the treatment plan, as the copy words them. */
  care: careText,
  counts: recordsCounts,
  /** Who the copy is for: a records request (when absent) or the receiving clinician in a transfer of care. */
  purpose: z.enum(['records-request', 'transfer']).optional(),
  /** Transfer of care only: psychotherapy notes the clinician chose to send (after a second confirmation), oldest first. */
  psychotherapy: z.array(note).optional(),
});

const written = z.object({
  /** The written file (a new name; an existing file is never replaced). */
  path: z.string(),
});

/** Failures: NOT_FOUND (no such client or note), IO_ERROR (folder missing or not writable), DISK_FULL. */
export const exportContract = {
  'export.client': {
    input: z
      .object({ ...recordsRequestShape, format: z.enum(['pdf', 'html']).default('pdf'), folder: fileHandle })
      .strict()
      .refine(rangeInOrder, RANGE_ERROR),
    output: written.extend({ counts: recordsCounts }),
  },
  /** One note as a PDF (unsigned: marked UNSIGNED DRAFT on every page). A note in the trash must be restored first. */
  'export.note': { input: z.object({ id, folder: fileHandle }).strict(), output: written },
} as const satisfies Record<`export.${string}`, ChannelSpec>;

export type RecordsRequest = z.output<typeof recordsRequest>;
export type RecordsCounts = z.output<typeof recordsCounts>;
export type RecordsDocument = z.output<typeof recordsDocument>;
