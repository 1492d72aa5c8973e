import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { filesContaining } from '../../../helpers/disk';
import { newService, STRONG_PASSWORD, value } from '../../../helpers/service';
import { FakeClock } from '../../../helpers/fake-clock';

const MINUTE = 60_000;
const DEFAULTS = { idleLockMinutes: 5, lockWhenHiddenMinutes: null, clipboardClearSeconds: 30, backupDir: null, backupKeep: 10, backupReminderDays: 7, spellCheck: true, retentionYears: 7 };

let service: VaultService;

function rows(dataDir: string, sql: string): unknown[] {
  const db = new Database(path.join(dataDir, 'vault.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('settings', () => {
  it('start at the defaults, before and after unlock', async () => {
    ({ service } = await newService());
    expect(value(await service.invoke('settings.get', {}))).toEqual(DEFAULTS);
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    expect(value(await service.invoke('settings.get', {}))).toEqual(DEFAULTS);
  });

  it('persist encrypted as a settings record, across lock and restart; defaults apply while locked', async () => {
    let dataDir: string;
    ({ service, dataDir } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    const updated = value(await service.invoke('settings.update', { idleLockMinutes: 17, lockWhenHiddenMinutes: 23 }));
    expect(updated).toEqual({ ...DEFAULTS, idleLockMinutes: 17, lockWhenHiddenMinutes: 23, clipboardClearSeconds: 30 });
    expect(value(await service.invoke('settings.update', { clipboardClearSeconds: 45 }))).toEqual({ ...updated, clipboardClearSeconds: 45 });

    expect(rows(dataDir, "SELECT kind FROM heads WHERE kind = 'settings'")).toHaveLength(1);
    expect(rows(dataDir, "SELECT rev FROM records WHERE kind = 'settings' ORDER BY rev")).toEqual([{ rev: 1 }, { rev: 2 }]);
    // Not plaintext anywhere: neither the field names nor in the meta table.
    expect(filesContaining(dataDir, 'idleLockMinutes')).toEqual([]);
    expect(rows(dataDir, "SELECT key FROM meta WHERE key LIKE '%idle%' OR key LIKE '%setting%' OR value LIKE '%LockMinutes%'")).toEqual([]);

    service.close();
    ({ service } = await newService({ dataDir }));
    expect(value(await service.invoke('settings.get', {}))).toEqual(DEFAULTS);
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    expect(value(await service.invoke('settings.get', {}))).toEqual({ ...DEFAULTS, idleLockMinutes: 17, lockWhenHiddenMinutes: 23, clipboardClearSeconds: 45 });
  });

  it('reject out-of-range values with INVALID_INPUT and change nothing', async () => {
    ({ service } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    const bad: unknown[] = [
      { idleLockMinutes: 0 },
      { idleLockMinutes: 61 },
      { idleLockMinutes: 2.5 },
      { idleLockMinutes: '5' },
      { lockWhenHiddenMinutes: 0 },
      { lockWhenHiddenMinutes: 61 },
      { clipboardClearSeconds: 4 },
      { clipboardClearSeconds: 301 },
      { autoUnlock: true },
    ];
    for (const input of bad) {
      const res = await service.invoke('settings.update', input);
      expect(res, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(value(await service.invoke('settings.get', {}))).toEqual(DEFAULTS);
    expect(value(await service.invoke('settings.update', { idleLockMinutes: undefined, clipboardClearSeconds: 60 }))).toEqual({
      ...DEFAULTS,
      clipboardClearSeconds: 60,
    });
    expect(value(await service.invoke('settings.update', { idleLockMinutes: 1 })).idleLockMinutes).toBe(1);
    expect(value(await service.invoke('settings.update', { idleLockMinutes: 60, lockWhenHiddenMinutes: null })).idleLockMinutes).toBe(60);
  });

  it('cannot be changed while locked', async () => {
    ({ service } = await newService());
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    value(await service.invoke('vault.lock', {}));
    expect(await service.invoke('settings.update', { idleLockMinutes: 30 })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });

  it('drive the lock policy: the stored idle timeout applies after unlock, a new one at once', async () => {
    const clock = new FakeClock();
    const locked: string[] = [];
    let dataDir: string;
    const onEvent = (event: string, payload: unknown) => {
      if (event === 'locked') locked.push((payload as { reason: string }).reason);
    };
    ({ service, dataDir } = await newService({ lockClock: clock, flushTimeoutMs: 0, onEvent }));
    value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
    value(await service.invoke('settings.update', { idleLockMinutes: 10 }));
    await clock.advance(9 * MINUTE);
    expect(locked).toEqual([]);
    value(await service.invoke('settings.update', { idleLockMinutes: 3 }));
    await clock.advance(0);
    expect(locked).toEqual(['idle']);

    service.close();
    ({ service } = await newService({ dataDir, lockClock: clock, flushTimeoutMs: 0, onEvent }));
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    await clock.advance(3 * MINUTE - 1);
    expect(locked).toEqual(['idle']);
    await clock.advance(1);
    expect(locked).toEqual(['idle', 'idle']);
  });
});
