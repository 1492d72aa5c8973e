import { z } from 'zod';
import { STANDARD_INSTRUMENTS } from '../measures/instruments';
import { id, rev, type ChannelSpec } from './common';
import { isoDate } from './notes';

/** Measures given to a client (PHQ-9, GAD-7, or the clinician's own), each an encrypted record. */

/** One answer 0..3, or null for an item the client left blank (the form is then incomplete). */
export const itemAnswer = z
  .number({ error: 'Each answer is a number from 0 to 3, or blank.' })
  .int('Each answer is a number from 0 to 3, or blank.')
  .min(0, 'Each answer is a number from 0 to 3, or blank.')
  .max(3, 'Each answer is a number from 0 to 3, or blank.')
  .nullable();

const answers = (count: number, name: string) =>
  z.array(itemAnswer).length(count, `The ${name} has ${count} items: give an answer, or blank, for each.`);

export const customMeasure = z
  .object({
    name: z.string().trim().min(1, 'Name the measure.').max(100, 'Too long (the limit is 100 characters).'),
    min: z.number().finite(),
    max: z.number().finite(),
    higherIsBetter: z.boolean(),
    /** The smallest change counted as meaningful, if the clinician has one. */
    meaningfulChange: z.number().positive().optional(),
  })
  .strict()
  .refine((c) => c.min < c.max, { message: 'The lowest score must be below the highest.', path: ['max'] });

/** What the clinician enters: the answers (PHQ-9, GAD-7) or one score in the measure's range (custom). */
const common = { date: isoDate, noteId: id.optional() };
const phq9Entry = z.object({ ...common, instrument: z.literal('phq9'), items: answers(9, 'PHQ-9'), difficulty: itemAnswer.optional() }).strict();
const gad7Entry = z.object({ ...common, instrument: z.literal('gad7'), items: answers(7, 'GAD-7') }).strict();
const customEntry = z.object({ ...common, instrument: z.literal('custom'), custom: customMeasure, score: z.number().finite() }).strict();
const instrumentError = { error: `Use one of: ${[...STANDARD_INSTRUMENTS, 'custom'].join(', ')}.` };

function scoreInRange(m: { instrument: string; score?: number; custom?: { min: number; max: number } }, ctx: z.RefinementCtx): void {
  if (m.custom && m.score !== undefined && (m.score < m.custom.min || m.score > m.custom.max)) {
    ctx.addIssue({ code: 'custom', message: 'The score is outside the range of the measure.', path: ['score'] });
  }
}

const forAdd = { clientId: id };
const forUpdate = { id, baseRev: rev };
const addInput = z
  .discriminatedUnion('instrument', [phq9Entry.extend(forAdd), gad7Entry.extend(forAdd), customEntry.extend(forAdd)], instrumentError)
  .superRefine(scoreInRange);
const updateInput = z
  .discriminatedUnion('instrument', [phq9Entry.extend(forUpdate), gad7Entry.extend(forUpdate), customEntry.extend(forUpdate)], instrumentError)
  .superRefine(scoreInRange);

export const measure = z.object({
  id,
  rev,
  clientId: id,
  date: isoDate,
  noteId: id.optional(),
  instrument: z.enum([...STANDARD_INSTRUMENTS, 'custom']),
  items: z.array(z.number().nullable()).optional(),
  difficulty: z.number().nullable().optional(),
  custom: z.object({ name: z.string(), min: z.number(), max: z.number(), higherIsBetter: z.boolean(), meaningfulChange: z.number().optional() }).optional(),
  /** The total (or the custom score); null for an incomplete form. */
  score: z.number().nullable(),
  complete: z.boolean(),
  answered: z.number().int(),
  band: z.string().nullable(),
  /** PHQ-9 item 9 above 0. */
  riskFlag: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const measuresContract = {
  /** Every measure of a client, oldest date first. */
  'measures.list': { input: z.object({ clientId: id }).strict(), output: z.array(measure) },
  'measures.add': { input: addInput, output: measure },
  /** Replaces the entry (same instrument); the earlier revision stays in the record's history. Stale baseRev -> CONFLICT. */
  'measures.update': { input: updateInput, output: measure },
} as const satisfies Record<`measures.${string}`, ChannelSpec>;

export type Measure = z.output<typeof measure>;
export type CustomMeasure = z.output<typeof customMeasure>;
