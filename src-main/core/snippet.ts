import { SNIPPET_HIT_END, SNIPPET_HIT_START } from '../../src-shared/contract/search';

const WINDOW = 16;
const LEAD = 3;
const TOKEN = /[\p{L}\p{N}]+/gu;
const ASCII = /^[ -~\s]*$/;

/** How the index's tokenizer (unicode61, remove_diacritics 2) folds a token. */
function fold(token: string): string {
  const lower = token.toLowerCase();
  // Most clinical text is ASCII: nothing to fold, and normalizing every token is the slow part.
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The folded tokens to highlight: every token of the words searched; the very last one is a prefix. */
function termsOf(words: readonly string[]): { exact: Set<string>; prefix: string | null } {
  const tokens = words.flatMap((w) => [...w.matchAll(TOKEN)].map((m) => fold(m[0])));
  const prefix = tokens.pop() ?? null;
  return { exact: new Set(tokens), prefix };
}

interface Token {
  start: number;
  end: number;
  term: string | null;
}

function tokenize(text: string, terms: ReturnType<typeof termsOf>): Token[] {
  const out: Token[] = [];
  // Lower-casing ASCII keeps every offset, so an ASCII text is folded once, not token by token.
  const ascii = ASCII.test(text);
  for (const m of (ascii ? text.toLowerCase() : text).matchAll(TOKEN)) {
    const f = ascii ? m[0] : fold(m[0]);
    const term = terms.exact.has(f) || (terms.prefix !== null && f.startsWith(terms.prefix)) ? f : null;
    out.push({ start: m.index, end: m.index + m[0].length, term });
  }
  return out;
}

/** The best window of a text: the most distinct words searched for, then the most hits. */
function bestWindow(tokens: Token[]): { from: number; score: number } {
  let best = { from: 0, score: 0 };
  tokens.forEach((t, i) => {
    if (!t.term) return;
    const from = Math.max(0, i - LEAD);
    const inWindow = tokens.slice(from, from + WINDOW).filter((x) => x.term);
    const score = new Set(inWindow.map((x) => x.term)).size * 1000 + inWindow.length;
    if (score > best.score) best = { from, score };
  });
  return best;
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
    const tokens = tokenize(text, terms);
    const w = bestWindow(tokens);
    if (!chosen || w.score > chosen.score) chosen = { text, tokens, ...w };
  }
  if (!chosen || chosen.tokens.length === 0) return '';
  const { text, tokens, from } = chosen;
  const window = tokens.slice(from, from + WINDOW);
  let out = from > 0 ? '…' : '';
  window.forEach((t, i) => {
    if (i > 0) out += text.slice(window[i - 1]!.end, t.start);
    const word = text.slice(t.start, t.end);
    out += t.term ? `${SNIPPET_HIT_START}${word}${SNIPPET_HIT_END}` : word;
  });
  const last = window[window.length - 1]!;
  if (from + WINDOW < tokens.length) out += '…';
  else out += text.slice(last.end).trimEnd();
  return out;
}
