import { describe, expect, it } from 'vitest';
import { assertFieldsFit, noteState, sameContent } from '../../../../src-main/core/notes/note-record';

describe('note records', () => {
  it('reads a skeleton-era note (title and body only) as a free note dated by its creation', () => {
    const createdAt = new Date(2024, 10, 5, 15, 0).getTime();
    const s = noteState({ title: 'Old', body: 'text', createdAt, updatedAt: createdAt }, 3);
    expect(s).toMatchObject({ kind: 'free', templateId: 'free', fields: {}, addenda: [], change: 'edited' });
    expect(s.session).toEqual({ serviceDate: '2024-11-05', riskFlags: [] });
    expect(s.signedAt).toBeUndefined();
  });

  it('checks section keys against the template', () => {
    expect(() => assertFieldsFit('birp', { behavior: 'b', intervention: 'i' })).not.toThrow();
    expect(() => assertFieldsFit('birp', { subjective: 's' })).toThrow(/fields\.subjective.*BIRP/);
  });

  it('compares content regardless of key order', () => {
    const base = noteState({ title: 't', body: 'b', createdAt: 1, updatedAt: 1, templateId: 'soap', fields: { plan: 'p', subjective: 's' } }, 1);
    const reordered = { ...base, fields: { subjective: 's', plan: 'p' }, updatedAt: 99 };
    expect(sameContent(base, reordered)).toBe(true);
    expect(sameContent(base, { ...base, fields: { subjective: 's', plan: 'p2' } })).toBe(false);
  });
});
