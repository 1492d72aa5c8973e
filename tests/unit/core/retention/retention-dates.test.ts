import { describe, expect, it } from 'vitest';
import { addYears, ageOn, retainUntil } from '../../../../src-main/core/retention/retention';

describe('retention dates', () => {
  it('adult: last contact + N years', () => {
    expect(retainUntil('2018-05-10', '1980-01-01', 7)).toEqual({ retainUntil: '2025-05-10', basis: 'last-contact' });
    expect(retainUntil('2018-05-10', undefined, 10)).toEqual({ retainUntil: '2028-05-10', basis: 'last-contact' });
  });

  it('minor at last contact: until the 18th birthday + N when that is later', () => {
    // Seen at 9: 18th birthday 2028-06-01, + 7 years.
    expect(retainUntil('2020-01-15', '2010-06-01', 7)).toEqual({ retainUntil: '2035-06-01', basis: 'minor' });
    // Seen at 17 years 10 months: the birthday rule still gives the later date.
    expect(retainUntil('2020-01-01', '2002-03-01', 7)).toEqual({ retainUntil: '2027-03-01', basis: 'minor' });
    // Seen the day of the 18th birthday: an adult.
    expect(retainUntil('2020-03-01', '2002-03-01', 7)).toEqual({ retainUntil: '2027-03-01', basis: 'last-contact' });
  });

  it('whole years of age, and Feb 29 rolls forward (kept a day longer, never shorter)', () => {
    expect(ageOn('2002-03-01', '2020-02-29')).toBe(17);
    expect(ageOn('2002-03-01', '2020-03-01')).toBe(18);
    expect(addYears('2020-02-29', 7)).toBe('2027-03-01');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2019-12-31', 7)).toBe('2026-12-31');
  });
});
