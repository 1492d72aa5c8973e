import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdleSignals, LockReason } from '../../../../src-main/core/lock/lock-policy';

// No Electron binary here: stand in for powerMonitor with an emitter and a settable idle time.
const power = vi.hoisted(() => ({ idleSeconds: 0, emitter: null as EventEmitter | null }));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const emitter = new Emitter();
  power.emitter = emitter;
  return { powerMonitor: Object.assign(emitter, { getSystemIdleTime: () => power.idleSeconds }) };
});
const { attachIdleSources } = await import('../../../../src-main/electron/idle');

class FakeWindow extends EventEmitter {
  minimized = false;
  visible = true;
  isMinimized = () => this.minimized;
  isVisible = () => this.visible;
  isDestroyed = () => false;
}

let calls: string[];
const signals: IdleSignals = {
  systemIdleSeconds: (s) => calls.push(`idle:${s}`),
  lockNow: (reason: LockReason) => calls.push(`lock:${reason}`),
  windowHidden: () => calls.push('hidden'),
  windowShown: () => calls.push('shown'),
};

beforeEach(() => {
  calls = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('attachIdleSources', () => {
  it('feeds suspend, screen lock, window hide/restore and polled system idle time to the policy', () => {
    const win = new FakeWindow();
    const detach = attachIdleSources(signals, win as unknown as BrowserWindow);
    power.emitter!.emit('suspend');
    power.emitter!.emit('lock-screen');
    win.minimized = true;
    win.emit('minimize');
    win.minimized = false;
    win.emit('restore');
    power.idleSeconds = 42;
    vi.advanceTimersByTime(5000);
    expect(calls).toEqual(['lock:suspend', 'lock:screen-lock', 'hidden', 'shown', 'idle:42']);

    detach();
    calls = [];
    power.emitter!.emit('suspend');
    win.emit('hide');
    vi.advanceTimersByTime(60_000);
    expect(calls).toEqual([]);
  });

  it('counts a window that starts hidden, and detaches itself when the window closes', () => {
    const win = new FakeWindow();
    win.visible = false;
    attachIdleSources(signals, win as unknown as BrowserWindow);
    expect(calls).toEqual(['hidden']);
    win.emit('closed');
    calls = [];
    power.emitter!.emit('lock-screen');
    vi.advanceTimersByTime(60_000);
    expect(calls).toEqual([]);
  });
});
