import { describe, expect, it } from 'vitest';
import { GAD7, PHQ9 } from '../../../../src-shared/measures/instruments';
import { scoreForm, type ItemAnswer } from '../../../../src-shared/measures/scoring';

/** A complete form whose items add up to `total` (filled from the first item, 3 at a time). */
function formWithTotal(count: number, total: number): ItemAnswer[] {
  let left = total;
  return Array.from({ length: count }, () => {
    const v = Math.min(3, left) as 0 | 1 | 2 | 3;
    left -= v;
    return v;
  });
}

describe('PHQ-9 scoring', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately severe'],
    [19, 'moderately severe'],
    [20, 'severe'],
    [27, 'severe'],
  ])('total %i is %s', (total, band) => {
    const s = scoreForm('phq9', formWithTotal(9, total));
    expect(s).toMatchObject({ complete: true, answered: 9, total, band });
  });

  it('item 9 above 0 raises the risk flag, whatever the total', () => {
    const items: ItemAnswer[] = [0, 0, 0, 0, 0, 0, 0, 0, 1];
    expect(scoreForm('phq9', items)).toMatchObject({ total: 1, band: 'minimal', riskFlag: true });
    expect(scoreForm('phq9', formWithTotal(9, 24)).riskFlag).toBe(false); // 3×8: item 9 is 0
    expect(scoreForm('phq9', formWithTotal(9, 27)).riskFlag).toBe(true);
  });

  it('a blank item makes the form incomplete with no total and no band, and item 9 still prompts', () => {
    const items: ItemAnswer[] = [3, 3, null, 3, 3, 3, 3, 3, 2];
    expect(scoreForm('phq9', items)).toEqual({ answered: 8, complete: false, total: null, band: null, riskFlag: true });
  });

  it('an item 9 left blank does not prompt', () => {
    expect(scoreForm('phq9', [1, 1, 1, 1, 1, 1, 1, 1, null]).riskFlag).toBe(false);
  });

  it('keeps the published wording and answer scale', () => {
    expect(PHQ9.items).toHaveLength(9);
    expect(PHQ9.items[0]).toBe('Little interest or pleasure in doing things');
    expect(PHQ9.items[8]).toBe('Thoughts that you would be better off dead or of hurting yourself in some way');
    expect(PHQ9.options).toEqual(['Not at all', 'Several days', 'More than half the days', 'Nearly every day']);
  });
});

describe('GAD-7 scoring', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('total %i is %s', (total, band) => {
    expect(scoreForm('gad7', formWithTotal(7, total))).toMatchObject({ complete: true, total, band, riskFlag: false });
  });

  it('a blank item gives no total', () => {
    expect(scoreForm('gad7', [1, 1, 1, null, 1, 1, 1])).toMatchObject({ complete: false, answered: 6, total: null, band: null });
  });

  it('keeps the published wording', () => {
    expect(GAD7.items).toEqual([
      'Feeling nervous, anxious or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it is hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid as if something awful might happen',
    ]);
  });

  it('refuses a form with the wrong number of items', () => {
    expect(() => scoreForm('gad7', [1, 1, 1])).toThrow(RangeError);
  });
});
