import { INSTRUMENTS, type StandardInstrument } from './instruments';

/** One answer 0..3, or null where the client left the item blank. */
export type ItemAnswer = 0 | 1 | 2 | 3 | null;

export interface FormScore {
  /** Items answered. */
  answered: number;
  /** Every item answered. */
  complete: boolean;
  /** The sum of the items; null when the form is incomplete (the instruments give no total for a partial form). */
  total: number | null;
  /** The severity band of the total ('moderate'); null without a total. */
  band: string | null;
  /** PHQ-9 item 9 answered above 0: the clinician must be prompted to assess risk, even on an incomplete form. */
  riskFlag: boolean;
}

/**
 * Scores a PHQ-9 or GAD-7 form. Callers pass exactly one answer per item (the contract refuses
 * any other count or value); a blank item makes the form incomplete, never a guessed total.
 */
export function scoreForm(instrument: StandardInstrument, items: readonly ItemAnswer[]): FormScore {
  const def = INSTRUMENTS[instrument];
  if (items.length !== def.items.length) throw new RangeError(`${def.name} has ${def.items.length} items.`);
  const given = items.filter((v): v is 0 | 1 | 2 | 3 => v !== null);
  const complete = given.length === items.length;
  const total = complete ? given.reduce<number>((a, b) => a + b, 0) : null;
  const risk = def.riskItem !== undefined ? (items[def.riskItem - 1] ?? 0) > 0 : false;
  return { answered: given.length, complete, total, band: total === null ? null : bandOf(instrument, total), riskFlag: risk };
}

/** The band label of a total, e.g. bandOf('phq9', 10) === 'moderate'. */
export function bandOf(instrument: StandardInstrument, total: number): string {
  const band = INSTRUMENTS[instrument].bands.find((b) => total >= b.min && total <= b.max);
  if (!band) throw new RangeError('The total is outside the instrument range.');
  return band.label;
}
