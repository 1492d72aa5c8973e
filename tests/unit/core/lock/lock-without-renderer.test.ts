import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { tempDir } from '../../../helpers/disk';
import { newService, STRONG_PASSWORD, value } from '../../../helpers/service';
import { FakeClock } from '../../../helpers/fake-clock';

const CHILD = path.resolve(import.meta.dirname, '../../../helpers/lock-child.ts');

let service: VaultService | undefined;
afterEach(() => {
  service?.close();
  service = undefined;
});

describe('a lock with no renderer listening', () => {
  it('a plain Node program locks at once and can end: the lock is in the audit trail', async () => {
    const dataDir = tempDir('sv-lock-child-');
    const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dataDir], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stdout).toContain('after lock: locked');
    ({ service } = await newService({ dataDir }));
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    const locks = value(await service.invoke('audit.list', { type: 'vault.locked' }));
    expect(locks.map((e) => e.detail)).toEqual(['manual']);
  }, 90_000);

  it('without onEvent, vault.lock resolves without any timer firing; with onEvent it waits for the flush', async () => {
    const clock = new FakeClock();
    ({ service } = await newService({ lockClock: clock }));
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    value(await service.invoke('vault.lock', {}));
    expect(value(await service.invoke('vault.status', {})).state).toBe('locked');
    service.close();

    const events: string[] = [];
    ({ service } = await newService({ lockClock: clock, onEvent: (event) => events.push(event) }));
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    let locked = false;
    const pending = service.invoke('vault.lock', {}).then(() => (locked = true));
    await clock.advance(1999);
    expect(locked).toBe(false);
    expect(events).toContain('flush.request');
    await clock.advance(1);
    await pending;
    expect(value(await service.invoke('vault.status', {})).state).toBe('locked');
  });
});
