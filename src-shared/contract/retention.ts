import { z } from 'zod';
import { empty, id, type ChannelSpec } from './common';
import { isoDate } from './notes';

/**
 * Record retention: a client's records are kept until `retainUntil` = last contact + the
 * `retentionYears` setting; for a client seen as a minor, at least until the 18th birthday +
 * `retentionYears`. Dates are ISO `YYYY-MM-DD` in local time.
 */
export const retentionBasis = z.enum(['last-contact', 'minor']);

export const retentionStatus = z.object({
  clientId: id,
  displayName: z.string(),
  archived: z.boolean(),
  /** Latest date of service of any of the client's notes (trash included), else intake date, else the day the client was added. */
  lastContactDate: isoDate,
  retainUntil: isoDate,
  /** Which rule set retainUntil: `minor` when the 18th-birthday rule gave the later date. */
  basis: retentionBasis,
  /** Today is after retainUntil: the records may be reviewed and deleted. */
  due: z.boolean(),
  /** Notes of any kind, trash included, that a purge would delete. */
  notes: z.number().int().min(0),
});

export const retentionContract = {
  /** Every client (archived too), soonest retainUntil first. VAULT_LOCKED while locked. */
  'retention.list': {
    input: empty,
    output: z.object({ retentionYears: z.number().int(), today: isoDate, clients: z.array(retentionStatus) }),
  },
  /**
   * Deletes the client, every revision of all their notes and their consents for good. Asked twice: `confirm`
   * must be true and `confirmPhrase` must be the client's display name (as shown) or `DELETE`.
   * Refused with INVALID_INPUT before the day after retainUntil (signed notes included) or when
   * the phrase does not match. Older backup files still hold the records until rotated out.
   */
  'retention.purge': {
    input: z
      .object({
        clientId: id,
        confirm: z.literal(true, { error: 'Confirm that these records should be deleted.' }),
        confirmPhrase: z.string().min(1, "Type the client's name or DELETE to confirm.").max(200),
      })
      .strict(),
    output: z.object({ clientId: id, deletedNotes: z.number().int().min(0), retainUntil: isoDate }),
  },
} as const satisfies Record<`retention.${string}`, ChannelSpec>;

export type RetentionStatus = z.output<typeof retentionStatus>;
export type RetentionBasis = z.output<typeof retentionBasis>;
