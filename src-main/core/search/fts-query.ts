import { withoutStopWords } from './stop-words';

const MAX_TERMS = 32;
/** A last word typed at least this long may be spelled out as the indexed words it starts (`ftsMatch`). */
const SPELL_OUT_FROM = 3;
/** Spelled out only when it starts at most this many words; past that the prefix is as quick. */
export const SPELL_OUT_MAX = 16;

/**
 * Text as the index takes it, and each word of a query: stop words out (stop-words.ts), and `_`
 * made a space. The tokenizer counts `_` as a letter (search-index.ts) only so that client keys
 * (`_` + id) are tokens no typed word can reach: a query then needs no column filter, which had
 * cost every search a pass over its words' positions.
 */
export function indexable(text: string): string {
  return indexableName(withoutStopWords(text));
}

/** A client's name as the index takes it: names are not prose, so they keep their stop words. */
export function indexableName(name: string): string {
  return name.replace(/_/g, ' ');
}

/** The words of a query as the index holds them: what snippets highlight. */
export function queryWords(text: string): string[] {
  return text
    .split(/\s+/u)
    .map(indexable)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, MAX_TERMS);
}

const quoted = (word: string) => `"${word.replace(/"/g, '""')}"`;

/**
 * The FTS5 query for a user's words: every word quoted (so operators, quotes, colons and
 * parentheses are just text), all of them required, the last one a prefix so results appear
 * while typing. `startsOf` may list the indexed words the last one starts: for a prefix, FTS5
 * first merges the lists of every word it starts, over the whole index, before matching the
 * others; spelled out, it steps through the rarer word's notes instead ("cannabis use" at 20
 * years: 7 → 4 ms). Only a plain word of letters and digits is spelled out. Null when nothing
 * searchable is left.
 */
export function ftsMatch(text: string, startsOf?: (prefix: string) => string[] | null): string | null {
  const words = queryWords(text);
  const last = words.pop();
  if (last === undefined) return null;
  const prefix = last.toLowerCase();
  const spelled = /^[a-z0-9]+$/.test(prefix) && prefix.length >= SPELL_OUT_FROM ? startsOf?.(prefix) : null;
  if (!spelled) return [...words.map(quoted), `${quoted(last)}*`].join(' ');
  return [...words.map(quoted), `(${spelled.map(quoted).join(' OR ')})`].join(' AND ');
}

/** The first string after every string that starts with `prefix` (a plain ASCII word). */
export function afterPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
