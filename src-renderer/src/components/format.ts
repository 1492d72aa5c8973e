/**
 * Every date, time, size and count the UI shows, in the user's locale. ISO dates (`YYYY-MM-DD`)
 * are calendar days, read as local dates.
 */

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function localDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

export function formatIsoDate(iso: string | undefined): string {
  const d = iso ? localDate(iso) : null;
  return d ? dayFormat.format(d) : '—';
}

/** An instant (epoch ms) as date and time. */
export function formatDateTime(epochMs: number): string {
  return dateTimeFormat.format(epochMs);
}

/** An instant (epoch ms) as its calendar day. */
export function formatDay(epochMs: number): string {
  return dayFormat.format(epochMs);
}

/** Start of a local calendar day (`YYYY-MM-DD`) as epoch ms; undefined for an empty field. */
export function dayStartMs(iso: string): number | undefined {
  return localDate(iso)?.getTime();
}

/** Today as a local calendar day. */
export function todayIso(): string {
  return isoDay(Date.now());
}

/** The local calendar day of an instant, as `YYYY-MM-DD`. */
export function isoDay(instant: number | Date): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** File sizes as people read them: "12 KB", "3.4 MB", "14.2 GB" (binary units, as the OS file managers show them). */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

// The words are English, so English plural rules; digits are grouped the user's way.
const pluralRules = new Intl.PluralRules('en');
const countFormat = new Intl.NumberFormat(undefined);

/** "1 note", "3 notes", "1,204 notes"; irregular words give their plural: plural(n, 'entry', 'entries'). */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${countFormat.format(n)} ${pluralRules.select(n) === 'one' ? word : pluralWord}`;
}

/** The last part of a path: what a message shows instead of the whole path. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
