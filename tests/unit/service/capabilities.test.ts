import { describe, expect, it } from 'vitest';
import { newService, value } from '../../helpers/service';

describe('session.capabilities', () => {
  it.each([
    ['darwin', true],
    ['win32', true],
    ['linux', false],
  ] as const)('on %s spell check is offered: %s (no dictionary download anywhere)', async (platform, spellCheck) => {
    const { service } = await newService({ platform });
    try {
      // Works before any vault exists: Settings and the editor ask at start.
      expect(value(await service.invoke('session.capabilities', {}))).toEqual({ spellCheck });
    } finally {
      service.close();
    }
  });
});
