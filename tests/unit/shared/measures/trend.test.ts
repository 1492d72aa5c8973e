import { describe, expect, it } from 'vitest';
import { standardTrendSpec, summarizeTrend } from '../../../../src-shared/measures/trend';

describe('trend summary', () => {
  const phq = standardTrendSpec('phq9');

  it('says the change since intake and calls a 5-point PHQ-9 drop meaningful', () => {
    const s = summarizeTrend(phq, [
      { date: '2026-02-05', score: 12 },
      { date: '2026-01-08', score: 18 },
      { date: '2026-03-05', score: 9 },
    ], '2026-01-08');
    expect(s).toMatchObject({ change: -9, direction: 'improved', meaningful: true });
    expect(s?.text).toBe('PHQ-9 down from 18 to 9 since intake, 8 Jan 2026: a clinically meaningful improvement (5 points or more).');
  });

  it('a 4-point PHQ-9 change is not meaningful; the same change on the GAD-7 is', () => {
    const pts = [{ date: '2026-01-08', score: 10 }, { date: '2026-02-08', score: 14 }];
    expect(summarizeTrend(phq, pts)).toMatchObject({ change: 4, direction: 'worsened', meaningful: false, text: 'PHQ-9 up from 10 to 14 since 8 Jan 2026.' });
    expect(summarizeTrend(standardTrendSpec('gad7'), pts)).toMatchObject({ meaningful: true, direction: 'worsened' });
  });

  it('higher-is-better custom measures read a rise as improvement', () => {
    const s = summarizeTrend({ label: 'Sleep quality', higherIsBetter: true, meaningfulChange: 2 }, [
      { date: '2026-01-01', score: 3 },
      { date: '2026-01-15', score: 6 },
    ]);
    expect(s).toMatchObject({ direction: 'improved', meaningful: true });
  });

  it('one score, no change, and no scores', () => {
    expect(summarizeTrend(phq, [{ date: '2026-01-08', score: 7 }])?.text).toBe('PHQ-9 7 on 8 Jan 2026; one score so far.');
    expect(summarizeTrend(phq, [{ date: '2026-01-08', score: 7 }, { date: '2026-02-08', score: 7 }])?.text).toBe('PHQ-9 unchanged at 7 since 8 Jan 2026.');
    expect(summarizeTrend(phq, [])).toBeNull();
  });
});
