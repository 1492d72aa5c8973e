import { SNIPPET_HIT_END, SNIPPET_HIT_START } from '../../../src-shared/contract/search';

const WINDOW = 16;
const LEAD = 3;
const TOKEN = /[\p{L}\p{N}]+/gu;
const ASCII = /^[ -~\s]*$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** How far before the first hit tokenizing starts: enough for the LEAD words shown before it. */
const LEAD_CHARS = 120;

/** How the index's tokenizer (unicode61, remove_diacritics 2) folds a token. */
function fold(token: string): string {
  const lower = token.toLowerCase();
  // Most clinical text is ASCII: nothing to fold, and normalizing every token is the slow part.
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

interface Terms {
  exact: Set<string>;
  prefix: string | null;
  /** How many different words were searched for: a window holding them all cannot be beaten. */
  count: number;
  /** Finds the first hit in lower-cased ASCII text without tokenizing up to it. */
  first: RegExp | null;
}

/** The folded tokens to highlight: every token of the words searched; the very last one is a prefix. */
function termsOf(words: readonly string[]): Terms {
  const tokens = words.flatMap((w) => [...w.matchAll(TOKEN)].map((m) => fold(m[0])));
  const prefix = tokens.pop() ?? null;
  const exact = new Set(tokens);
  // Tokens are letters and digits only, so they need no escaping in a pattern.
  const alternatives = [...exact, ...(prefix === null ? [] : [`${prefix}[\\p{L}\\p{N}]*`])];
  const first = alternatives.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u') : null;
  return { exact, prefix, count: exact.size + (prefix === null ? 0 : 1), first };
}

interface Token {
  start: number;
  end: number;
  /** Which word searched for this token matches (the prefix as `prefix*`), or null. */
  term: string | null;
}

function termOf(folded: string, terms: Terms): string | null {
  if (terms.exact.has(folded)) return folded;
  return terms.prefix !== null && folded.startsWith(terms.prefix) ? `${terms.prefix}*` : null;
}

function windowScore(tokens: Token[], from: number): number {
  const inWindow = tokens.slice(from, from + WINDOW).filter((x) => x.term);
  return new Set(inWindow.map((x) => x.term)).size * 1000 + inWindow.length;
}

/**
 * The tokens of a text up to the end of its best window (the most distinct words searched for,
 * then the most hits). Stops early once a window holds every word: long intakes are 2,000
 * words, and reading them whole for every result made search slow.
 */
function scan(text: string, terms: Terms): { tokens: Token[]; from: number; score: number } {
  const tokens: Token[] = [];
  const pending: number[] = [];
  let best = { from: 0, score: 0 };
  const settle = (from: number) => {
    const score = windowScore(tokens, from);
    if (score > best.score) best = { from, score };
  };
  // Lower-casing ASCII keeps every offset, so an ASCII text is folded once, not token by token,
  // and tokenizing starts a little before its first hit (found by one regular expression).
  const ascii = ASCII.test(text);
  const source = ascii ? text.toLowerCase() : text;
  const firstHit = ascii && terms.first ? source.search(terms.first) : 0;
  let startAt = Math.max(0, firstHit - LEAD_CHARS);
  while (startAt > 0 && WORD_CHAR.test(source[startAt - 1]!)) startAt--;
  const tokenPattern = new RegExp(TOKEN.source, 'gu');
  tokenPattern.lastIndex = startAt;
  for (let m = tokenPattern.exec(source); m; m = tokenPattern.exec(source)) {
    const term = termOf(ascii ? m[0] : fold(m[0]), terms);
    tokens.push({ start: m.index, end: m.index + m[0].length, term });
    // No hit anywhere: the text's opening words are the snippet.
    if (firstHit < 0 && tokens.length > WINDOW) break;
    if (term) pending.push(Math.max(0, tokens.length - 1 - LEAD));
    while (pending.length > 0 && tokens.length >= pending[0]! + WINDOW) settle(pending.shift()!);
    if (best.score >= terms.count * 1000 + WINDOW) break;
    if (pending.length === 0 && best.score >= terms.count * 1000) break;
  }
  for (const from of pending) settle(from);
  return { tokens, ...best };
}

/**
 * ~16 words around the best match among the given texts (in order of preference on a tie),
 * hits wrapped in SNIPPET_HIT_START/END, '…' where the text was cut. The markers are removed
 * from the text first, so every marker in a snippet is a real hit. Search shows it as plain text.
 */
export function makeSnippet(texts: readonly string[], words: readonly string[]): string {
  const terms = termsOf(words);
  let chosen: { text: string; tokens: Token[]; from: number; score: number } | null = null;
  for (const raw of texts) {
    const text = raw.replaceAll(SNIPPET_HIT_START, ' ').replaceAll(SNIPPET_HIT_END, ' ');
    const found = scan(text, terms);
    if (!chosen || found.score > chosen.score) chosen = { text, ...found };
    if (chosen.score >= terms.count * 1000) break;
  }
  if (!chosen || chosen.tokens.length === 0) return '';
  const { text, tokens, from } = chosen;
  const window = tokens.slice(from, from + WINDOW);
  let out = from > 0 || WORD_CHAR.test(text.slice(0, window[0]!.start)) ? '…' : '';
  window.forEach((t, i) => {
    if (i > 0) out += text.slice(window[i - 1]!.end, t.start);
    const word = text.slice(t.start, t.end);
    out += t.term ? `${SNIPPET_HIT_START}${word}${SNIPPET_HIT_END}` : word;
  });
  const last = window[window.length - 1]!;
  // Whether the text goes on past the window: the scan may have stopped early.
  const more = from + WINDOW < tokens.length || WORD_CHAR.test(text.slice(last.end));
  out += more ? '…' : text.slice(last.end).trimEnd();
  return out;
}
