import { TOKEN_CHAR, withoutStopWords } from './stop-words';

const MAX_TERMS = 32;
/**
 * The last word typed is matched as the start of a word when its last token (letters and
 * digits) is this long or longer, so results come while typing; a shorter one is matched whole
 * ("PHQ-9" finds "PHQ-9" and not "PHQ-95"). A prefix of one or two letters starts a large share
 * of all words, and FTS5 merges the lists of every one before it can match.
 */
const PREFIX_FROM = 3;

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

const TOKENS = new RegExp(`${TOKEN_CHAR}+`, 'gu');
const quoted = (word: string) => `"${word.replace(/"/g, '""')}"`;

/**
 * The FTS5 query for a user's words: every word quoted (so operators, quotes, colons and
 * parentheses are just text), all of them required, the last one a prefix from PREFIX_FROM
 * characters. Null when nothing searchable is left.
 */
export function ftsMatch(text: string): string | null {
  const words = queryWords(text);
  const last = words.pop();
  if (last === undefined) return null;
  const tokens = last.match(TOKENS) ?? [];
  const prefix = [...(tokens[tokens.length - 1] ?? '')].length >= PREFIX_FROM;
  return [...words.map(quoted), prefix ? `${quoted(last)}*` : quoted(last)].join(' ');
}
