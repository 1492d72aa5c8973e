import { describe, expect, it } from 'vitest';
import { makeSnippet } from '../../../../src-main/core/search/snippet';
import { snippetParts, SNIPPET_HIT_END, SNIPPET_HIT_START } from '../../../../src-shared/contract/search';

const hits = (s: string) => snippetParts(s).filter((p) => p.hit).map((p) => p.text);
const plain = (s: string) => snippetParts(s).map((p) => p.text).join('');

describe('makeSnippet', () => {
  it('shows about 16 words around the best passage, the words searched for marked, … where cut', () => {
    const filler = 'We reviewed routines, work, exercise and family plans for the coming weeks. ';
    const text = `${filler.repeat(3)}Client reports panic attacks on the tram; panic eased with paced breathing. ${filler.repeat(3)}`;
    const s = makeSnippet([text], ['panic', 'breath']);
    expect(hits(s)).toEqual(['panic', 'panic', 'breathing']);
    expect(plain(s)).toMatch(/^…/);
    expect(plain(s)).toMatch(/…$/);
    expect(plain(s).split(/\s+/).length).toBeLessThanOrEqual(17);
  });

  it('matches as the index does: any case, accents folded, the last word as a prefix, others whole', () => {
    const s = makeSnippet(['Zoë said the café visit felt CALM, then calmer.'], ['zoe', 'cafe', 'calm']);
    expect(hits(s)).toEqual(['Zoë', 'café', 'CALM', 'calmer']);
    expect(hits(makeSnippet(['calmer days, not calm'], ['calm', 'days']))).toEqual(['days', 'calm']);
  });

  it('picks the text with the most words searched for, and keeps a short text whole', () => {
    expect(plain(makeSnippet(['nothing here', 'Sertraline 50 mg confirmed.'], ['sertraline']))).toBe('Sertraline 50 mg confirmed.');
  });

  it('never lets the highlight markers come from the note itself', () => {
    const s = makeSnippet([`a ${SNIPPET_HIT_START}fake${SNIPPET_HIT_END} hit and a real one`], ['real']);
    expect(hits(s)).toEqual(['real']);
    expect(makeSnippet([''], ['x'])).toBe('');
  });
});
