import type { EventPayload } from '../../../src-shared/ipc';

export type LockReason = EventPayload<'locked'>['reason'];

/** Time and timers, injected so tests drive the policy with a fake clock. */
export interface PolicyClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: PolicyClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // A pending lock timer must not keep a Node process (tests, preview) alive on its own.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What the OS shell (src-main/electron/idle.ts) reports to the policy. */
export interface IdleSignals {
  /** Seconds since the last keyboard/mouse input anywhere on the system. */
  systemIdleSeconds(seconds: number): void;
  /** Lock at once (suspend, screen lock, manual, quit). */
  lockNow(reason: LockReason): void;
  windowHidden(): void;
  windowShown(): void;
}

export interface LockPolicySettings {
  idleLockMinutes: number;
  lockWhenHiddenMinutes: number | null;
}

export interface LockPolicyOptions {
  clock: PolicyClock;
  /** Read on every decision, so a changed setting applies at once. */
  settings: () => LockPolicySettings;
  onWarning(secondsLeft: number): void;
  onWarningCancelled(): void;
  /** Called once per lock; the policy is disarmed before this runs. */
  onLock(reason: LockReason): void;
}

/** The idle warning starts this long before an idle lock (half the timeout if that is shorter). */
export const WARNING_MS = 60_000;
const MINUTE_MS = 60_000;

/**
 * Decides when the vault locks. Pure: no electron, no vault; only an injected clock, timers
 * and the signals it is fed. Armed while the vault is unlocked, disarmed while locked.
 * One timer at a time, set for the next moment anything can change (warning start, next
 * countdown second, lock); activity only moves `lastActivity`, and the timer re-evaluates.
 */
export class LockPolicy implements IdleSignals {
  private armed = false;
  private lastActivity = 0;
  private hiddenSince: number | null = null;
  private timer: unknown = null;
  private warningSecondsLeft: number | null = null;
  private skew = 0;

  constructor(private readonly opts: LockPolicyOptions) {}

  get isArmed(): boolean {
    return this.armed;
  }

  /** Starts watching (at unlock); idle time counts from now. */
  arm(): void {
    if (this.armed) return;
    this.armed = true;
    this.lastActivity = this.now();
    if (this.hiddenSince !== null) this.hiddenSince = this.now();
    this.evaluate();
  }

  /** Stops watching (at lock): no timer, no warning. */
  disarm(): void {
    this.armed = false;
    this.clearTimer();
    this.warningSecondsLeft = null;
  }

  /** User input in the app, or "Stay unlocked". */
  activity(): void {
    this.lastActivity = this.now();
    if (this.armed && this.warningSecondsLeft !== null) this.evaluate();
  }

  systemIdleSeconds(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) return;
    const at = this.now() - seconds * 1000;
    if (at <= this.lastActivity) return;
    this.lastActivity = at;
    if (this.armed) this.evaluate();
  }

  lockNow(reason: LockReason): void {
    if (this.armed) this.fire(reason);
  }

  windowHidden(): void {
    if (this.hiddenSince !== null) return;
    this.hiddenSince = this.now();
    if (this.armed) this.evaluate();
  }

  windowShown(): void {
    this.hiddenSince = null;
    if (this.armed) this.evaluate();
  }

  /** Re-reads the settings (after settings.update). */
  settingsChanged(): void {
    if (this.armed) this.evaluate();
  }

  /**
   * Tests and preview only: behave as if `ms` more milliseconds had passed, so an end-to-end
   * test can reach the warning or the idle lock without waiting minutes.
   */
  dangerouslyAdvanceClock(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('ms must be a non-negative number');
    this.skew += ms;
    if (this.armed) this.evaluate();
  }

  private now(): number {
    return this.opts.clock.now() + this.skew;
  }

  private evaluate(): void {
    this.clearTimer();
    const t = this.now();
    const { idleLockMinutes, lockWhenHiddenMinutes } = this.opts.settings();
    const idleDeadline = this.lastActivity + idleLockMinutes * MINUTE_MS;
    // With a 1-minute timeout a 60 s warning would show on every pause in typing.
    const warningMs = Math.min(WARNING_MS, (idleLockMinutes * MINUTE_MS) / 2);
    const hiddenDeadline =
      lockWhenHiddenMinutes !== null && this.hiddenSince !== null ? this.hiddenSince + lockWhenHiddenMinutes * MINUTE_MS : Infinity;
    if (t >= hiddenDeadline) return this.fire('hidden');
    if (t >= idleDeadline) return this.fire('idle');

    let next: number;
    if (t >= idleDeadline - warningMs) {
      const secondsLeft = Math.ceil((idleDeadline - t) / 1000);
      if (secondsLeft !== this.warningSecondsLeft) {
        this.warningSecondsLeft = secondsLeft;
        this.opts.onWarning(secondsLeft);
      }
      // Wake when the displayed number changes; after "1" that moment is the deadline itself.
      next = idleDeadline - (secondsLeft - 1) * 1000;
    } else {
      if (this.warningSecondsLeft !== null) {
        this.warningSecondsLeft = null;
        this.opts.onWarningCancelled();
      }
      next = idleDeadline - warningMs;
    }
    const wakeAt = Math.min(next, hiddenDeadline);
    this.timer = this.opts.clock.setTimeout(() => {
      this.timer = null;
      if (this.armed) this.evaluate();
    }, wakeAt - t);
  }

  private fire(reason: LockReason): void {
    this.disarm();
    this.opts.onLock(reason);
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    this.opts.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
