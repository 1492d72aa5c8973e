import type { RetentionBasis, RetentionStatus } from '../../../src-shared/contract/retention';
import { VaultError } from '../errors';
import { clientRecord } from '../clients/clients-repo';
import { consentRecord } from '../consent/consent-repo';
import { measureRecord } from '../measures/measure-record';
import { localIsoDate, noteRecord } from '../notes/note-record';
import { planRecord } from '../plan/plan-repo';
import type { UnlockedSession } from '../vault/unlocked-session';

/** Age of majority for the minors rule (most US states; records of minors are kept past it). */
export const AGE_OF_MAJORITY = 18;
/** The phrase that confirms a purge when the clinician does not retype the client's name. */
export const PURGE_PHRASE = 'DELETE';

/** `YYYY-MM-DD` + n years. Feb 29 lands on Mar 1 in a common year: a day longer, never shorter. */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + years, m - 1, d));
  return t.toISOString().slice(0, 10);
}

/** Whole years between a date of birth and a later date. */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Last contact + years; for a client under 18 at last contact, at least their 18th birthday + years. */
export function retainUntil(lastContactDate: string, dateOfBirth: string | undefined, years: number): { retainUntil: string; basis: RetentionBasis } {
  const adult = addYears(lastContactDate, years);
  if (dateOfBirth && ageOn(dateOfBirth, lastContactDate) < AGE_OF_MAJORITY) {
    const minor = addYears(dateOfBirth, AGE_OF_MAJORITY + years);
    if (minor > adult) return { retainUntil: minor, basis: 'minor' };
  }
  return { retainUntil: adult, basis: 'last-contact' };
}

/** Every client's retention status, soonest retainUntil first. */
export function retentionList(s: UnlockedSession, years: number, now: number): RetentionStatus[] {
  const today = localIsoDate(now);
  // Trashed notes count: they are records until deleted, and their dates keep the client's record.
  const notes = s.notes.list({ includeTrashed: true });
  const byClient = new Map<string, { last: string; count: number }>();
  for (const n of notes) {
    if (!n.clientId) continue;
    const seen = byClient.get(n.clientId);
    byClient.set(n.clientId, { last: seen && seen.last > n.serviceDate ? seen.last : n.serviceDate, count: (seen?.count ?? 0) + 1 });
  }
  return s.clients
    .list({ includeArchived: true })
    .map((c): RetentionStatus => {
      const fromNotes = byClient.get(c.id);
      const dates = [fromNotes?.last, c.intakeDate].filter((d): d is string => d !== undefined);
      const lastContactDate = dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : localIsoDate(c.createdAt);
      const r = retainUntil(lastContactDate, c.dateOfBirth, years);
      return {
        clientId: c.id,
        displayName: c.displayName,
        archived: c.archivedAt !== undefined,
        lastContactDate,
        ...r,
        due: today > r.retainUntil,
        notes: fromNotes?.count ?? 0,
      };
    })
    .sort((a, b) => (a.retainUntil < b.retainUntil ? -1 : a.retainUntil > b.retainUntil ? 1 : 0));
}

/** What the Retention screen shows: the rule in effect, today's date, and every client's status. */
export function retentionOverview(s: UnlockedSession, years: number, now: number): { retentionYears: number; today: string; clients: RetentionStatus[] } {
  return { retentionYears: years, today: localIsoDate(now), clients: retentionList(s, years, now) };
}

/**
 * Deletes a client, every revision of all their notes (psychotherapy and trash included), their
 * consent records, measures and treatment plan in one transaction; secure_delete overwrites the freed pages. Only
 * after retainUntil, so a signed note can never go before its time, and only when confirmed.
 */
export function purgeClient(
  s: UnlockedSession,
  input: { clientId: string; confirmPhrase: string },
  years: number,
  now: number,
): { clientId: string; deletedNotes: number; retainUntil: string } {
  const status = retentionList(s, years, now).find((c) => c.clientId === input.clientId);
  if (!status) throw new VaultError('NOT_FOUND', 'That client does not exist.');
  if (!status.due) {
    throw new VaultError('INVALID_INPUT', `These records must be kept until ${status.retainUntil}. They can be deleted after that date.`);
  }
  const phrase = input.confirmPhrase.trim();
  if (phrase !== PURGE_PHRASE && phrase !== status.displayName.trim()) {
    throw new VaultError('INVALID_INPUT', `Type the client's name exactly as shown, or ${PURGE_PHRASE}, to confirm.`);
  }
  const noteIds = s.notes.list({ clientId: input.clientId, includeTrashed: true }).map((n) => n.id);
  const consentIds = s.consents.list(input.clientId).map((c) => c.id);
  const measureIds = s.measures.idsOf(input.clientId);
  const planId = s.plans.idOf(input.clientId);
  s.store.transaction(() => {
    for (const id of noteIds) s.store.purge(id, noteRecord);
    for (const id of consentIds) s.store.purge(id, consentRecord);
    for (const id of measureIds) s.store.purge(id, measureRecord);
    if (planId) s.store.purge(planId, planRecord);
    s.store.purge(input.clientId, clientRecord);
  });
  s.notes.forget(noteIds);
  s.clients.forget(input.clientId);
  return { clientId: input.clientId, deletedNotes: noteIds.length, retainUntil: status.retainUntil };
}
