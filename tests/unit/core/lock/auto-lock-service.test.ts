import { beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../../src-shared/ipc';
import type { VaultService } from '../../../../src-main/service';
import { newService, STRONG_PASSWORD, value } from '../../../helpers/service';
import { FakeClock } from '../../../helpers/fake-clock';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

let clock: FakeClock;
let service: VaultService;
let events: { event: EventName; payload: unknown }[];

const named = (name: EventName) => events.filter((e) => e.event === name).map((e) => e.payload);
const state = async () => value(await service.invoke('vault.status', {})).state;

beforeEach(async () => {
  clock = new FakeClock();
  events = [];
  ({ service } = await newService({
    lockClock: clock,
    onEvent: (event, payload) => {
      events.push({ event, payload });
      // A renderer with nothing to save answers at once.
      if (event === 'flush.request') void service.invoke('session.flushDone', { requestId: (payload as { requestId: string }).requestId, saved: true });
    },
  }));
  value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
});

describe('auto-lock through the service', () => {
  it('warns, counts down and locks an idle vault; keys are gone afterwards', async () => {
    const { id } = value(await service.invoke('notes.create', { title: 'Intake', body: 'x' }));
    await clock.advance(4 * MINUTE);
    expect(named('lock.warning')).toEqual([{ secondsLeft: 60 }]);
    await clock.advance(MINUTE);
    expect(named('lock.warning')).toHaveLength(60);
    expect(named('locked')).toEqual([{ reason: 'idle' }]);
    expect(await state()).toBe('locked');
    expect(await service.invoke('notes.get', { id })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });

  it('session.activity from the renderer resets idle time and cancels the warning', async () => {
    await clock.advance(4 * MINUTE + 55 * SECOND);
    value(await service.invoke('session.activity', {}));
    expect(named('lock.warningCancelled')).toEqual([{}]);
    await clock.advance(4 * MINUTE);
    expect(await state()).toBe('unlocked');
    await clock.advance(MINUTE);
    expect(await state()).toBe('locked');
  });

  it('other calls (e.g. a background autosave) do not count as presence', async () => {
    const { id } = value(await service.invoke('notes.create', { title: 'T', body: 'a' }));
    await clock.advance(4 * MINUTE + 30 * SECOND);
    value(await service.invoke('notes.get', { id }));
    await clock.advance(30 * SECOND);
    expect(await state()).toBe('locked');
  });

  it('is re-armed after unlock and idle while locked does nothing', async () => {
    value(await service.invoke('vault.lock', {}));
    events = [];
    await clock.advance(60 * MINUTE);
    expect(events).toEqual([]);
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    await clock.advance(5 * MINUTE);
    expect(named('locked')).toEqual([{ reason: 'idle' }]);
  });

  it('locks on suspend, screen lock and a long-hidden window', async () => {
    service.idle.lockNow('suspend');
    await clock.advance(0);
    expect(await state()).toBe('locked');

    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    service.idle.lockNow('screen-lock');
    await clock.advance(0);
    expect(await state()).toBe('locked');

    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    value(await service.invoke('settings.update', { idleLockMinutes: 60, lockWhenHiddenMinutes: 2 }));
    service.idle.windowHidden();
    await clock.advance(2 * MINUTE);
    expect(await state()).toBe('locked');
    expect(named('locked')).toEqual([{ reason: 'suspend' }, { reason: 'screen-lock' }, { reason: 'hidden' }]);
  });

  it('the test hook reaches the idle lock without waiting 5 minutes', async () => {
    service.idle.dangerouslyAdvanceClock(5 * MINUTE);
    await clock.advance(0);
    expect(named('locked')).toEqual([{ reason: 'idle' }]);
    expect(await state()).toBe('locked');
  });
});
