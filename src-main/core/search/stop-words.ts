/**
 * Words too common to search for, left out of the index and out of every query. "the", "and",
 * "to" and the like are about a fifth of what a clinician writes: indexing where each of them
 * occurs made a fifth of the index, held in memory all session, and no note was ever found by
 * one. Lucene's English list, less the words that carry clinical meaning ("no", "not", "will",
 * "but", "if", "then", "there", "these", "such", "into"). Both sides drop them with the same
 * function, so a query never asks for a word its index left out.
 *
 * The list decides what a kept index holds: changing it needs a new UNLOCK_CACHE_VERSION
 * (unlock-cache.ts), or an index kept by the last session would miss words a query now asks for.
 * The unlock cache's test pins the list to the version for that reason.
 */
export const STOP_WORDS: readonly string[] = [
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'is', 'it', 'of', 'on', 'or',
  'that', 'the', 'their', 'they', 'this', 'to', 'was', 'were', 'with',
];

/** A character of a token as FTS5's unicode61 cuts them: letters, digits and the marks it folds away. */
export const TOKEN_CHAR = '[\\p{L}\\p{N}\\p{M}]';

// A stop word counts only as a whole token: "Then" and "theory" stay whole; "The" goes like "the".
const STOP = new RegExp(`(?<!${TOKEN_CHAR})(?:${STOP_WORDS.join('|')})(?!${TOKEN_CHAR})`, 'giu');

/** The text with every stop word taken out; what is left keeps its order and its other tokens. */
export function withoutStopWords(text: string): string {
  return text.replace(STOP, '');
}
