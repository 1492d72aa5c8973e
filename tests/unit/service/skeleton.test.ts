import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src-shared/errors';
import type { VaultService } from '../../../src-main/service';
import { filesContaining } from '../../helpers/disk';
import { newService, STRONG_PASSWORD, value } from '../../helpers/service';

let service: VaultService;

describe('vault lifecycle through invoke', () => {
  it('goes absent -> unlocked -> locked -> unlocked and keeps notes', async () => {
    ({ service } = await newService());
    expect(value(await service.invoke('vault.status', {})).state).toBe('absent');
    const created = value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    expect(created.recoveryKey).toMatch(/^([A-Z2-7]{4}-){13}[A-Z2-7]{4}$/);
    expect(value(await service.invoke('vault.status', {})).state).toBe('unlocked');

    const { id, rev } = value(await service.invoke('notes.create', { title: 'Session 1', body: 'Client reports better sleep.' }));
    expect(rev).toBe(1);
    value(await service.invoke('vault.lock', {}));
    expect(value(await service.invoke('vault.status', {})).state).toBe('locked');

    const locked = await service.invoke('notes.get', { id });
    expect(locked).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await service.invoke('notes.list', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });

    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    const note = value(await service.invoke('notes.get', { id }));
    expect(note).toMatchObject({ title: 'Session 1', body: 'Client reports better sleep.', rev: 1 });
    expect(value(await service.invoke('notes.list', {})).map((n) => n.title)).toEqual(['Session 1']);
  });

  it('rejects a wrong password with WRONG_CREDENTIALS and stays locked', async () => {
    ({ service } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    value(await service.invoke('vault.lock', {}));
    const res = await service.invoke('vault.unlock', { password: 'not the password at all' });
    expect(res).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    expect(value(await service.invoke('vault.status', {})).state).toBe('locked');
  });

  it('refuses a second vault and unlock without a vault', async () => {
    ({ service } = await newService());
    expect(await service.invoke('vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'VAULT_ABSENT' } });
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    expect(await service.invoke('vault.create', { password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'VAULT_EXISTS' } });
  });

  it('returns CONFLICT for a stale baseRev and keeps the newer text', async () => {
    ({ service } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    const { id } = value(await service.invoke('notes.create', { title: 'T', body: 'v1' }));
    expect(value(await service.invoke('notes.update', { id, baseRev: 1, title: 'T', body: 'v2' })).rev).toBe(2);
    const stale = await service.invoke('notes.update', { id, baseRev: 1, title: 'T', body: 'v2-from-another-window' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(value(await service.invoke('notes.get', { id })).body).toBe('v2');
  });

  it('answers bad input and unknown channels with INVALID_INPUT, never a throw', async () => {
    ({ service } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    const cases: [string, unknown][] = [
      ['nope.nothing', {}],
      ['notes.create', { title: 5, body: 'x' }],
      ['notes.create', null],
      ['notes.get', { id: '../../etc/passwd' }],
      ['notes.update', { id: 'abcdefgh', baseRev: -1, title: '', body: '' }],
      ['notes.create', { title: 'x', body: 'y', extra: true }],
      ['vault.unlock', 'password'],
    ];
    for (const [channel, input] of cases) {
      const res = await service.invoke(channel, input);
      expect(res.ok, channel).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('INVALID_INPUT');
    }
    expect(await service.invoke('notes.get', { id: 'abcdef0123456789' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('never writes note text in plaintext to any file under dataDir', async () => {
    let dataDir: string;
    ({ service, dataDir } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    const canary = 'CANARY-7f3a9-Ophelia-Winterbourne';
    const { id } = value(await service.invoke('notes.create', { title: `Title ${canary}`, body: `Body ${canary}` }));
    value(await service.invoke('notes.update', { id, baseRev: 1, title: 'x', body: `again ${canary}` }));
    expect(filesContaining(dataDir, canary)).toEqual([]);
    expect(filesContaining(dataDir, STRONG_PASSWORD)).toEqual([]);
    value(await service.invoke('vault.lock', {}));
    service.close();
    expect(filesContaining(dataDir, canary)).toEqual([]);
  });

  it('uses only codes from the shared list', async () => {
    ({ service } = await newService());
    const res = await service.invoke('notes.list', {});
    expect(res.ok).toBe(false);
    if (!res.ok) expect(ERROR_CODES).toContain(res.error.code);
  });
});
