import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src-shared/errors';
import { CHANNELS } from '../../../src-shared/ipc';
import type { VaultService } from '../../../src-main/service';
import { newService, STRONG_PASSWORD, value } from '../../helpers/service';

// Inputs never name a path or dir: a fuzzed backup target would write into the working tree.
const runs = process.env.SV_LONG ? 2000 : 150;

let service: VaultService;
beforeAll(async () => {
  ({ service } = await newService());
  value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
});

const arbitraryInput = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom('id', 'title', 'body', 'password', 'baseRev', 'text', 'clientId', 'kind', 'recoveryKey'), fc.anything()),
  fc.record({ id: fc.string(), baseRev: fc.integer(), title: fc.string(), body: fc.string() }),
);

describe('IPC fuzz: invoke never throws and only answers with known codes', () => {
  it.each(CHANNELS)('%s', async (channel) => {
    await fc.assert(
      fc.asyncProperty(arbitraryInput, async (input) => {
        const res = await service.invoke(channel, input);
        expect(typeof res.ok).toBe('boolean');
        if (!res.ok) {
          expect(ERROR_CODES).toContain(res.error.code);
          expect(typeof res.error.message).toBe('string');
          expect(res.error.message).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack traces
        }
        // Keep the vault unlocked for the next input, whatever this one did.
        if ((await service.invoke('vault.status', {})).ok) await service.invoke('vault.unlock', { password: STRONG_PASSWORD });
      }),
      { numRuns: Math.ceil(runs / 4) },
    );
  });

  it('unknown channels are INVALID_INPUT', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.anything(), async (channel, input) => {
        fc.pre(!(CHANNELS as string[]).includes(channel));
        const res = await service.invoke(channel, input);
        expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }),
      { numRuns: runs },
    );
  });
});
