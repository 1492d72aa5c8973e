import type { Addendum } from './contract/notes';
import type { Signer } from './contract/profile';
import { amendableParts, type TemplateId } from './templates';

/**
 * Dates, counts and signature lines as every document prints them (PDF, HTML export, audit
 * trail) and as the app shows a signature. Day-month-year with a short month is read the same
 * way on both sides of the Atlantic; the time zone is part of a signature's time.
 */

const parts = new Intl.DateTimeFormat('en-US', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});
const pluralRules = new Intl.PluralRules('en-US');
const numbers = new Intl.NumberFormat('en-US');

function part(list: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return list.find((p) => p.type === type)?.value ?? '';
}

/** "1 Dec 2026 16:42 PST" (local time). */
export function documentDateTime(ms: number): string {
  const p = parts.formatToParts(ms);
  return `${part(p, 'day')} ${part(p, 'month')} ${part(p, 'year')} ${part(p, 'hour')}:${part(p, 'minute')} ${part(p, 'timeZoneName')}`.trim();
}

/** "1 Dec 2026" for a calendar day `YYYY-MM-DD` (no time zone: a date of service is a day). */
export function documentDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const p = parts.formatToParts(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return `${part(p, 'day')} ${part(p, 'month')} ${part(p, 'year')}`;
}

/** "1 note", "12 notes", "1,024 notes": English plural rules and digit grouping. */
export function countOf(n: number, one: string, other = `${one}s`): string {
  return `${numbers.format(n)} ${pluralRules.select(n) === 'one' ? one : other}`;
}

/** "Dana Reyes, LCSW, CA license 12345". */
export function signerText(s: Signer): string {
  return `${s.name}, ${s.credential}, ${s.licenseState} license ${s.licenseNumber}`;
}

/**
 * The signature line of a note. Notes signed before signatures named the clinician have no
 * signer; the line says so rather than guessing (today's profile may not be who signed then).
 */
export function signatureLine(signedAt: number, signedBy: Signer | undefined): string {
  return signedBy
    ? `Signed electronically by ${signerText(signedBy)}, ${documentDateTime(signedAt)}`
    : `Signed electronically ${documentDateTime(signedAt)} (signed before SessionVault recorded the signer's name)`;
}

/** The heading of an addendum: who added it, when, and which part of the note it amends when it says. */
export function addendumLine(a: Pick<Addendum, 'createdAt' | 'by' | 'section'>, templateId: TemplateId): string {
  const part = a.section === undefined ? undefined : amendableParts(templateId).find((p) => p.key === a.section);
  const head = a.by ? `Addendum by ${signerText(a.by)}, ${documentDateTime(a.createdAt)}` : `Addendum, ${documentDateTime(a.createdAt)}`;
  return part ? `${head}, amending ${part.label}` : head;
}
