import { beforeEach, describe, expect, it } from 'vitest';
import { LockPolicy, type LockPolicySettings, type LockReason } from '../../../../src-main/core/lock/lock-policy';
import { FakeClock } from '../../../helpers/fake-clock';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

type Seen = { warning: number } | { cancelled: true } | { locked: LockReason };

let clock: FakeClock;
let settings: LockPolicySettings;
let seen: Seen[];
let policy: LockPolicy;

const warnings = () => seen.flatMap((e) => ('warning' in e ? [e.warning] : []));
const locks = () => seen.flatMap((e) => ('locked' in e ? [e.locked] : []));
const cancels = () => seen.filter((e) => 'cancelled' in e).length;

beforeEach(() => {
  clock = new FakeClock();
  settings = { idleLockMinutes: 5, lockWhenHiddenMinutes: null };
  seen = [];
  policy = new LockPolicy({
    clock,
    settings: () => settings,
    onWarning: (warning) => seen.push({ warning }),
    onWarningCancelled: () => seen.push({ cancelled: true }),
    onLock: (locked) => seen.push({ locked }),
  });
});

describe('idle lock', () => {
  it('locks after 5 idle minutes by default, not a millisecond before', async () => {
    policy.arm();
    await clock.advance(5 * MINUTE - 1);
    expect(locks()).toEqual([]);
    await clock.advance(1);
    expect(locks()).toEqual(['idle']);
    expect(policy.isArmed).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });

  it('warns 60 s before with a countdown every second, then locks once', async () => {
    policy.arm();
    await clock.advance(4 * MINUTE - 1);
    expect(warnings()).toEqual([]);
    await clock.advance(1);
    expect(warnings()).toEqual([60]);
    await clock.advance(30 * SECOND);
    expect(warnings().at(-1)).toBe(30);
    await clock.advance(30 * SECOND + 10 * MINUTE);
    expect(warnings()).toEqual(Array.from({ length: 60 }, (_, i) => 60 - i));
    expect(locks()).toEqual(['idle']);
  });

  it('follows the idle setting (1 to 60 minutes) and shortens the warning for a 1-minute timeout', async () => {
    settings.idleLockMinutes = 60;
    policy.arm();
    await clock.advance(59 * MINUTE);
    expect(warnings()).toEqual([60]);
    await clock.advance(MINUTE);
    expect(locks()).toEqual(['idle']);

    seen = [];
    settings.idleLockMinutes = 1;
    policy.arm();
    await clock.advance(29 * SECOND);
    expect(warnings()).toEqual([]);
    await clock.advance(SECOND);
    expect(warnings()).toEqual([30]);
    await clock.advance(30 * SECOND);
    expect(locks()).toEqual(['idle']);
  });

  it('applies a shorter timeout at once when the setting changes', async () => {
    settings.idleLockMinutes = 30;
    policy.arm();
    await clock.advance(10 * MINUTE);
    settings.idleLockMinutes = 5;
    policy.settingsChanged();
    expect(locks()).toEqual(['idle']);
  });
});

describe('activity', () => {
  it('postpones the warning and the lock: idle time counts from the last input', async () => {
    policy.arm();
    await clock.advance(3 * MINUTE);
    policy.activity();
    await clock.advance(4 * MINUTE - 1);
    expect(warnings()).toEqual([]);
    await clock.advance(1);
    expect(warnings()).toEqual([60]);
    await clock.advance(MINUTE);
    expect(locks()).toEqual(['idle']);
  });

  it('cancels a running warning: the countdown stops and no lock comes at the old deadline', async () => {
    policy.arm();
    await clock.advance(4 * MINUTE + 50 * SECOND);
    expect(warnings().at(-1)).toBe(10);
    policy.activity();
    expect(cancels()).toBe(1);
    const countBefore = warnings().length;
    await clock.advance(4 * MINUTE - 1);
    expect(warnings().length).toBe(countBefore);
    expect(locks()).toEqual([]);
    await clock.advance(1);
    expect(warnings().at(-1)).toBe(60);
    await clock.advance(MINUTE);
    expect(locks()).toEqual(['idle']);
  });

  it('counts input anywhere on the system (OS idle time), but never makes idle time longer', async () => {
    policy.arm();
    await clock.advance(4 * MINUTE + 30 * SECOND);
    expect(warnings().at(-1)).toBe(30);
    // The OS saw a key press 2 s ago (in another app): the clinician is at the desk.
    policy.systemIdleSeconds(2);
    expect(cancels()).toBe(1);
    await clock.advance(4 * MINUTE);
    expect(locks()).toEqual([]);
    // A stale OS reading older than the last input changes nothing.
    policy.activity();
    policy.systemIdleSeconds(10 * 60);
    await clock.advance(5 * MINUTE - 1);
    expect(locks()).toEqual([]);
    await clock.advance(1);
    expect(locks()).toEqual(['idle']);
  });
});

describe('immediate triggers', () => {
  it.each(['suspend', 'screen-lock', 'manual', 'quit'] as const)('locks at once on %s', (reason) => {
    policy.arm();
    policy.lockNow(reason);
    expect(locks()).toEqual([reason]);
    expect(policy.isArmed).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });

  it('does nothing while disarmed (vault already locked), and stops after a lock', async () => {
    policy.lockNow('suspend');
    await clock.advance(60 * MINUTE);
    expect(seen).toEqual([]);
    policy.arm();
    policy.lockNow('manual');
    policy.lockNow('suspend');
    await clock.advance(60 * MINUTE);
    expect(locks()).toEqual(['manual']);
  });
});

describe('window hidden', () => {
  it('locks after the window has been hidden for the set minutes', async () => {
    settings = { idleLockMinutes: 60, lockWhenHiddenMinutes: 10 };
    policy.arm();
    policy.windowHidden();
    await clock.advance(10 * MINUTE - 1);
    expect(locks()).toEqual([]);
    await clock.advance(1);
    expect(locks()).toEqual(['hidden']);
  });

  it('forgets the hidden time when the window is shown again', async () => {
    settings = { idleLockMinutes: 60, lockWhenHiddenMinutes: 10 };
    policy.arm();
    policy.windowHidden();
    await clock.advance(9 * MINUTE);
    policy.windowShown();
    policy.windowHidden();
    await clock.advance(9 * MINUTE);
    expect(locks()).toEqual([]);
    await clock.advance(MINUTE);
    expect(locks()).toEqual(['hidden']);
  });

  it('never locks for hiding when the setting is off; the idle timeout still applies', async () => {
    policy.arm();
    policy.windowHidden();
    await clock.advance(5 * MINUTE);
    expect(locks()).toEqual(['idle']);
  });
});

describe('test hook', () => {
  it('dangerouslyAdvanceClock reaches the warning and the lock without waiting', async () => {
    policy.arm();
    policy.dangerouslyAdvanceClock(4 * MINUTE + 30 * SECOND);
    expect(warnings()).toEqual([30]);
    policy.dangerouslyAdvanceClock(30 * SECOND);
    expect(locks()).toEqual(['idle']);
    expect(() => policy.dangerouslyAdvanceClock(-1)).toThrow(RangeError);
  });
});
