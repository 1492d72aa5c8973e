import { beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../../src-shared/ipc';
import type { VaultService } from '../../../../src-main/service';
import { newService, STRONG_PASSWORD, value } from '../../../helpers/service';
import { FakeClock, settle } from '../../../helpers/fake-clock';

const MINUTE = 60_000;

let clock: FakeClock;
let service: VaultService;
let events: { event: EventName; payload: unknown }[];
/** What the test's "renderer" does when main asks it to flush. */
let onFlush: (requestId: string) => void;

const named = (name: EventName) => events.filter((e) => e.event === name).map((e) => e.payload);
const state = async () => value(await service.invoke('vault.status', {})).state;

async function openNote(body: string): Promise<{ id: string; rev: number }> {
  value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
  return value(await service.invoke('notes.create', { title: 'Session 3', body }));
}

async function reopen(id: string): Promise<string> {
  value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
  return value(await service.invoke('notes.get', { id })).body;
}

beforeEach(async () => {
  clock = new FakeClock();
  events = [];
  onFlush = () => {};
  ({ service } = await newService({
    lockClock: clock,
    onEvent: (event, payload) => {
      events.push({ event, payload });
      if (event === 'flush.request') onFlush((payload as { requestId: string }).requestId);
    },
  }));
});

describe('flush before lock', () => {
  it('success: the draft typed up to the lock is saved, then the vault locks', async () => {
    const { id, rev } = await openNote('Client arrived on time.');
    onFlush = (requestId) => {
      void (async () => {
        // The renderer lives in another process: its answer never arrives in the same tick.
        await settle();
        value(await service.invoke('notes.update', { id, baseRev: rev, title: 'Session 3', body: 'Client arrived on time. Discussed sle' }));
        value(await service.invoke('session.flushDone', { requestId, saved: true }));
      })();
    };
    await clock.advance(5 * MINUTE);
    expect(named('flush.request')).toHaveLength(1);
    expect(named('locked')).toEqual([{ reason: 'idle' }]);
    expect(await state()).toBe('locked');
    // The flush answer came before the timeout: no waiting for it.
    expect(clock.pendingTimers).toBe(0);
    expect(await reopen(id)).toBe('Client arrived on time. Discussed sle');
  });

  it('locked only after the flush: the event order is request, then locked', async () => {
    await openNote('x');
    onFlush = (requestId) => void service.invoke('session.flushDone', { requestId, saved: true });
    await clock.advance(5 * MINUTE);
    expect(events.map((e) => e.event).filter((e) => e !== 'lock.warning')).toEqual(['flush.request', 'locked']);
  });

  it('timeout: with no answer main waits 2 s, then locks anyway and keeps the last autosave', async () => {
    const { id, rev } = await openNote('Autosaved text.');
    value(await service.invoke('notes.update', { id, baseRev: rev, title: 'Session 3', body: 'Autosaved text, second save.' }));
    events = [];
    let requestId = '';
    onFlush = (r) => (requestId = r);

    service.idle.lockNow('screen-lock');
    await settle();
    expect(named('flush.request')).toHaveLength(1);
    await clock.advance(1999);
    expect(await state()).toBe('unlocked');
    await clock.advance(1);
    expect(await state()).toBe('locked');
    expect(named('locked')).toEqual([{ reason: 'screen-lock' }]);

    // A renderer waking up late can neither save nor confuse the next lock.
    const late = await service.invoke('notes.update', { id, baseRev: 2, title: 'Session 3', body: 'too late' });
    expect(late).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect((await service.invoke('session.flushDone', { requestId, saved: true })).ok).toBe(true);
    expect(await reopen(id)).toBe('Autosaved text, second save.');
  });

  it('failure: a renderer that could not save answers saved:false and the vault locks at once', async () => {
    const { id } = await openNote('Last autosave.');
    onFlush = (requestId) => void service.invoke('session.flushDone', { requestId, saved: false });
    service.idle.lockNow('suspend');
    await settle();
    expect(await state()).toBe('locked');
    expect(named('locked')).toEqual([{ reason: 'suspend' }]);
    expect(await reopen(id)).toBe('Last autosave.');
  });

  it('ignores an answer with the wrong request id and still waits for the right one', async () => {
    await openNote('x');
    onFlush = () => void service.invoke('session.flushDone', { requestId: 'not-the-request', saved: true });
    service.idle.lockNow('manual');
    await settle();
    expect(await state()).toBe('unlocked');
    await clock.advance(2000);
    expect(await state()).toBe('locked');
  });

  it('a renderer whose event handler throws still gets the vault locked', async () => {
    await openNote('x');
    onFlush = () => {
      throw new Error('window is gone');
    };
    service.idle.lockNow('suspend');
    await settle();
    expect(await state()).toBe('locked');
    expect(named('locked')).toEqual([{ reason: 'suspend' }]);
  });

  it('two triggers during one handshake make one flush request and one lock', async () => {
    await openNote('x');
    service.idle.lockNow('screen-lock');
    const manual = service.invoke('vault.lock', {});
    service.idle.lockNow('suspend');
    await clock.advance(2000);
    value(await manual);
    expect(named('flush.request')).toHaveLength(1);
    expect(named('locked')).toEqual([{ reason: 'screen-lock' }]);
  });
});

describe('vault.lock over IPC', () => {
  it('goes through the handshake: the call resolves after the flush and reports reason manual', async () => {
    const { id, rev } = await openNote('Before Ctrl+L');
    let requestId = '';
    onFlush = (r) => (requestId = r);
    let resolved = false;
    const call = service.invoke('vault.lock', {}).then((r) => {
      resolved = true;
      return r;
    });
    await settle();
    expect(resolved).toBe(false);
    value(await service.invoke('notes.update', { id, baseRev: rev, title: 'Session 3', body: 'Before Ctrl+L, mid-wo' }));
    value(await service.invoke('session.flushDone', { requestId, saved: true }));
    expect(value(await call)).toEqual({});
    expect(named('locked')).toEqual([{ reason: 'manual' }]);
    expect(await reopen(id)).toBe('Before Ctrl+L, mid-wo');
  });

  it('on an already locked vault returns at once without asking the renderer', async () => {
    await openNote('x');
    onFlush = (requestId) => void service.invoke('session.flushDone', { requestId, saved: true });
    value(await service.invoke('vault.lock', {}));
    events = [];
    value(await service.invoke('vault.lock', {}));
    expect(events).toEqual([]);
  });

  it('service.lock("quit") flushes and locks with reason quit', async () => {
    await openNote('x');
    onFlush = (requestId) => void service.invoke('session.flushDone', { requestId, saved: true });
    await service.lock('quit');
    expect(await state()).toBe('locked');
    expect(named('locked')).toEqual([{ reason: 'quit' }]);
  });
});
