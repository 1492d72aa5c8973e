import { z } from 'zod';
import type { Measure } from '../../../src-shared/contract/measures';
import type { ItemAnswer } from '../../../src-shared/measures/scoring';
import { scoreForm } from '../../../src-shared/measures/scoring';
import { recordType } from '../records/record-store';

/**
 * The encrypted payload of a measure (kind 'measure'): what was entered, never the score. The
 * total, band and risk flag are computed when read, by the same code the form uses, so a stored
 * record can never disagree with the scoring rules.
 */
export const storedMeasure = z.object({
  clientId: z.string(),
  date: z.string(),
  noteId: z.string().optional(),
  instrument: z.enum(['phq9', 'gad7', 'custom']),
  items: z.array(z.number().int().min(0).max(3).nullable()).optional(),
  difficulty: z.number().int().min(0).max(3).nullable().optional(),
  custom: z
    .object({ name: z.string(), min: z.number(), max: z.number(), higherIsBetter: z.boolean(), meaningfulChange: z.number().optional() })
    .optional(),
  score: z.number().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type StoredMeasure = z.output<typeof storedMeasure>;

/** Measure records (kind 'measure'). */
export const measureRecord = recordType('measure', storedMeasure, 'measure');

/** A stored measure as the contract shows it, scored. */
export function toMeasure(id: string, rev: number, s: StoredMeasure): Measure {
  const base = { id, rev, ...s };
  if (s.instrument === 'custom') {
    const score = s.score ?? null;
    return { ...base, score, complete: score !== null, answered: score === null ? 0 : 1, band: null, riskFlag: false };
  }
  const scored = scoreForm(s.instrument, (s.items ?? []) as ItemAnswer[]);
  return { ...base, score: scored.total, complete: scored.complete, answered: scored.answered, band: scored.band, riskFlag: scored.riskFlag };
}
