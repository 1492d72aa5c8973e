import type { Rng } from './prng';
import { SENTENCES, slotWords, type ClientProfile, type SentenceKind, type Slot } from './vocabulary';

/** Share of slot values taken from the client's profile rather than from the whole list. */
const ON_PROFILE = 0.9;

/** One sentence of the given kind with every `{slot}` filled, mostly from the client's profile. */
export function sentence(rng: Rng, kind: SentenceKind, profile: ClientProfile = {}): string {
  return rng.pick(SENTENCES[kind]).replace(/\{(\w+)\}/g, (_, name: string) => {
    const own = profile[name as Slot];
    return rng.pick(own && rng.chance(ON_PROFILE) ? own : slotWords(name as Slot));
  });
}

/** Sentences of the given kinds, in turn, until at least `words` words; paragraphs every ~5 sentences. */
export function passage(rng: Rng, kinds: readonly SentenceKind[], words: number, profile: ClientProfile = {}): string {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const s = sentence(rng, kinds[i % kinds.length]!, profile);
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
