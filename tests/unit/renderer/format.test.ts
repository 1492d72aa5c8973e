import { describe, expect, it } from 'vitest';
import { plural } from '../../../src-renderer/src/components/format';
import { countOf } from '../../../src-shared/document-text';

describe('counts in words (Intl plural rules)', () => {
  it('says "1 client", never "1 clients", in the app and in documents', () => {
    for (const say of [plural, countOf]) {
      expect(say(1, 'client')).toBe('1 client');
      expect(say(0, 'client')).toBe('0 clients');
      expect(say(2, 'day')).toBe('2 days');
      expect(say(1, 'entry', 'entries')).toBe('1 entry');
      expect(say(12, 'entry', 'entries')).toBe('12 entries');
    }
  });

  it('groups the digits of large counts', () => {
    expect(countOf(1204, 'note')).toBe('1,204 notes');
    expect(plural(1204, 'note')).toMatch(/^1\D?204 notes$/); // the user's grouping
  });
});
