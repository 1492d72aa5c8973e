import { z } from 'zod';
import { NOTE_KINDS, TEMPLATE_IDS } from '../templates';
import { id, MAX_TEXT, rev, type ChannelSpec } from './common';
import { signer } from './profile';

/** Schema pieces of clinical notes. Times are epoch milliseconds; dates are ISO `YYYY-MM-DD`. */

const TOO_LONG = 'Too long (the limit is 1 MB of text).';
export const MAX_TITLE = 1000;

export const isoDate = z.iso.date('Use a date like 2025-03-14.');
/** Enum errors list the allowed values (plain words, so the service never strips them). */
export const oneOf = (values: readonly string[]) => ({ error: `Use one of: ${values.join(', ')}.` });
export const noteKind = z.enum(NOTE_KINDS, oneOf(NOTE_KINDS));
export const templateId = z.enum(TEMPLATE_IDS, oneOf(TEMPLATE_IDS));
export const MODALITIES = ['in-person', 'video', 'phone'] as const;
export const modality = z.enum(MODALITIES, oneOf(MODALITIES));
export const sectionKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'Not a section of this template.');
export const longText = z.string().max(MAX_TEXT, TOO_LONG);
export const title = z.string().max(MAX_TITLE, 'Too long (the limit is 1,000 characters).');
/** Section key -> text. Keys must belong to the note's template (checked by the core). */
export const fields = z.record(sectionKey, longText);

/** The session header of a note. */
export const sessionHeader = z
  .object({
    serviceDate: isoDate,
    /** 24-hour local time `HH:MM`. */
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 14:30.').optional(),
    durationMinutes: z.number().int().min(1).max(1440).optional(),
    /** Free text, e.g. "CPT 90834". */
    serviceCode: z.string().max(100).optional(),
    modality: modality.optional(),
    /** Free text, e.g. "client and mother". */
    attendees: z.string().max(1000).optional(),
    riskFlags: z.array(z.string().min(1).max(200)).max(50).default([]),
    /** Goals addressed: ids of goals in the client's treatment plan this session worked on. */
    goalIds: z.array(id).max(100).optional(),
  })
  .strict();

export { amendableParts } from '../templates';

/**
 * `section`: which part it amends (a key of amendableParts); absent = the note as a whole.
 * `by`: the clinician as they were when adding it; absent on addenda made before profiles existed.
 */
export const addendum = z.object({ id, text: z.string(), createdAt: z.number(), section: z.string().optional(), by: signer.optional() });

/** What history shows for a revision: what the save did. */
export const revisionChange = z.enum(['created', 'edited', 'signed', 'addendum', 'trashed', 'restored']);

export const noteSummary = z.object({
  id,
  rev,
  title: z.string(),
  clientId: id.optional(),
  /** Resolved from the client at read time; absent without a client. */
  clientName: z.string().optional(),
  kind: noteKind,
  /** True only for kind `psychotherapy`: keep out of the record view and exports. */
  isPsychotherapy: z.boolean(),
  templateId,
  serviceDate: isoDate,
  startTime: z.string().optional(),
  riskFlags: z.array(z.string()),
  signed: z.boolean(),
  signedAt: z.number().optional(),
  trashedAt: z.number().optional(),
  addendaCount: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /**
   * Set when the note cannot be trusted as it reads: `signed-version-missing` — the sealed audit
   * trail says it was signed, but the vault file holds only unsigned revisions (its signed ones
   * were removed). Shown as damaged; it does not open for editing (VAULT_CORRUPT).
   */
  damage: z.enum(['signed-version-missing']).optional(),
});

export const note = noteSummary.extend({
  fields: z.record(z.string(), z.string()),
  /** Free text: the whole note for template `free`, extra notes for the others. */
  body: z.string(),
  session: sessionHeader,
  addenda: z.array(addendum),
  /** Who signed, frozen at signing; absent on notes signed before profiles existed. */
  signedBy: signer.optional(),
});

export const revisionInfo = z.object({
  rev,
  updatedAt: z.number(),
  title: z.string(),
  signed: z.boolean(),
  trashed: z.boolean(),
  change: revisionChange,
});

const saved = z.object({ id, rev });
const idOnly = z.object({ id }).strict();

export const notesContract = {
  /** Summaries sorted by serviceDate, then startTime, then updatedAt, newest first. */
  'notes.list': {
    input: z.object({ clientId: id.optional(), kind: noteKind.optional(), includeTrashed: z.boolean().default(false) }).strict(),
    output: z.array(noteSummary),
  },
  'notes.get': { input: idOnly, output: note },
  /**
   * title is required (may be ''); kind defaults to `free`, templateId to the kind's default, serviceDate to today.
   * Returns the note's list entry, so the caller can place it without reading the note back.
   */
  'notes.create': {
    input: z
      .object({
        title,
        body: longText.default(''),
        clientId: id.optional(),
        kind: noteKind.default('free'),
        templateId: templateId.optional(),
        fields: fields.default({}),
        session: sessionHeader.optional(),
      })
      .strict(),
    output: noteSummary,
  },
  /** A patch: absent keys keep their value; `clientId: null` detaches the client. Unchanged content keeps baseRev. Returns the list entry. */
  'notes.update': {
    input: z
      .object({
        id,
        baseRev: rev,
        title: title.optional(),
        body: longText.optional(),
        clientId: id.nullable().optional(),
        kind: noteKind.optional(),
        templateId: templateId.optional(),
        fields: fields.optional(),
        session: sessionHeader.optional(),
      })
      .strict(),
    output: noteSummary,
  },
  'notes.sign': { input: z.object({ id, baseRev: rev }).strict(), output: saved.extend({ signedAt: z.number() }) },
  'notes.addAddendum': {
    input: z.object({ id, text: longText.refine((t) => t.trim().length > 0, 'Write the addendum first.'), section: sectionKey.optional() }).strict(),
    output: saved.extend({ addendum }),
  },
  'notes.trash': { input: idOnly, output: saved.extend({ trashedAt: z.number() }) },
  'notes.restore': { input: idOnly, output: saved },
  /** Deletes unsigned trashed notes for good; signed ones stay until their retention date. */
  'notes.emptyTrash': {
    input: z.object({ confirm: z.literal(true, { error: 'Confirm that the trash should be emptied.' }) }).strict(),
    output: z.object({ deleted: z.number().int(), keptSigned: z.number().int() }),
  },
  /** Every revision, oldest first. */
  'notes.history': { input: idOnly, output: z.array(revisionInfo) },
  'notes.getRevision': { input: z.object({ id, rev }).strict(), output: note },
} as const satisfies Record<`notes.${string}`, ChannelSpec>;

/** The order of every note list (kept in a zod-free module so the renderer's first chunk needs no zod). */
export { byServiceDateDesc } from '../note-order';

export type Modality = z.output<typeof modality>;
export type SessionHeader = z.output<typeof sessionHeader>;
export type Addendum = z.output<typeof addendum>;
export type RevisionChange = z.output<typeof revisionChange>;
export type RevisionInfo = z.output<typeof revisionInfo>;
export type NoteSummary = z.output<typeof noteSummary>;
export type Note = z.output<typeof note>;
