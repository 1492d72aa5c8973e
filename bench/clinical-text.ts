import type { Rng } from './prng';
import { SENTENCES, slotWords, type SentenceKind, type Slot } from './vocabulary';

/** One sentence of the given kind with every `{slot}` filled. */
export function sentence(rng: Rng, kind: SentenceKind): string {
  return rng.pick(SENTENCES[kind]).replace(/\{(\w+)\}/g, (_, slot: string) => rng.pick(slotWords(slot as Slot)));
}

/** Sentences of the given kinds, in turn, until at least `words` words; paragraphs every ~5 sentences. */
export function passage(rng: Rng, kinds: readonly SentenceKind[], words: number): string {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const s = sentence(rng, kinds[i % kinds.length]!);
    count += s.split(' ').length;
    out.push(s, rng.chance(0.2) ? '\n\n' : ' ');
  }
  return out.join('').trim();
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Splits `total` words over sections by share (shares sum to 1), each at least 10 words. */
export function splitWords(total: number, shares: readonly number[]): number[] {
  return shares.map((share) => Math.max(10, Math.round(total * share)));
}
