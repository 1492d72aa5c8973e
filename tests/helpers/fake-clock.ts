import type { PolicyClock } from '../../src-main/core/lock/lock-policy';

/** Lets every pending promise chain (service invokes, the flush handshake) run to its next wait. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The one fake clock of the tests: time moves only when the test says so, and timers set on it
 * fire in time order as it moves. Pass `clock.now` as a service's `now`, the clock itself as its
 * `lockClock` (the auto-lock's timers).
 */
export class FakeClock implements PolicyClock {
  private t: number;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  private nextId = 1;

  constructor(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.t = start;
  }

  /** An arrow, so `now: clock.now` can be handed on as is. */
  readonly now = (): number => this.t;

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time forward by ms, firing each due timer at its own moment, settling after each. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      let due: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
      await settle();
    }
    this.t = end;
    await settle();
  }

  /** Jumps to a moment, forward or back, firing no timer: for code that only reads the time. */
  setTime(ms: number): void {
    this.t = ms;
  }
}
