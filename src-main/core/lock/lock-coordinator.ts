import type { EventName, EventPayload } from '../../../src-shared/ipc';
import type { LockPolicy, LockReason, PolicyClock } from './lock-policy';

/** How long main waits for the renderer to save its draft before locking anyway. */
export const FLUSH_TIMEOUT_MS = 2000;

/** What happened to the renderer's draft: saved, reported unsaved, or no answer in time. */
export type FlushOutcome = 'saved' | 'not-saved' | 'timeout';

export interface LockCoordinatorOptions {
  /** The real lock: VaultManager.lock zeroes keys and drops everything decrypted. The reason goes to the audit trail. */
  lockVault(reason: LockReason): void;
  isUnlocked(): boolean;
  policy: Pick<LockPolicy, 'arm' | 'disarm'>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  clock: PolicyClock;
  newRequestId(): string;
  flushTimeoutMs?: number;
  /** False when nothing listens for `flush.request` (a plain Node program): lock at once. */
  hasRenderer?: boolean;
}

interface PendingFlush {
  requestId: string;
  settle(outcome: FlushOutcome): void;
}

/**
 * Every lock goes through here: ask the renderer to flush (`flush.request`), wait for its
 * `session.flushDone` or the timeout, then lock regardless and emit `locked`. A draft the
 * renderer could not save is not lost wholesale: the vault keeps its last autosave.
 */
export class LockCoordinator {
  private pending: PendingFlush | null = null;
  private locking: Promise<FlushOutcome | null> | null = null;

  constructor(private readonly opts: LockCoordinatorOptions) {}

  /** Locks once; a second trigger during the handshake joins the first. Null if already locked. */
  lock(reason: LockReason): Promise<FlushOutcome | null> {
    if (this.locking) return this.locking;
    if (!this.opts.isUnlocked()) {
      this.opts.policy.disarm();
      return Promise.resolve(null);
    }
    this.opts.policy.disarm();
    this.locking = this.flushThenLock(reason).finally(() => {
      this.locking = null;
    });
    return this.locking;
  }

  /** The renderer's answer. A stale or unknown id (e.g. after the timeout) is ignored. */
  flushDone(requestId: string, saved: boolean): void {
    if (this.pending?.requestId !== requestId) return;
    this.pending.settle(saved ? 'saved' : 'not-saved');
  }

  /** Keeps the policy armed exactly while the vault is unlocked (after unlock, create, restore). */
  sync(): void {
    if (this.locking) return;
    if (this.opts.isUnlocked()) this.opts.policy.arm();
    else this.opts.policy.disarm();
  }

  private async flushThenLock(reason: LockReason): Promise<FlushOutcome> {
    // No renderer to answer: waiting would only leave the vault open (on a timer that may never fire).
    const outcome = this.opts.hasRenderer === false ? 'not-saved' : await this.requestFlush();
    try {
      this.opts.lockVault(reason);
    } finally {
      this.opts.policy.disarm();
      // The renderer wipes its store on this event, so it must follow the real lock.
      this.opts.emit('locked', { reason });
    }
    return outcome;
  }

  private requestFlush(): Promise<FlushOutcome> {
    const requestId = this.opts.newRequestId();
    return new Promise<FlushOutcome>((resolve) => {
      const timer = this.opts.clock.setTimeout(() => settle('timeout'), this.opts.flushTimeoutMs ?? FLUSH_TIMEOUT_MS);
      const settle = (outcome: FlushOutcome) => {
        if (this.pending?.requestId !== requestId) return;
        this.pending = null;
        this.opts.clock.clearTimeout(timer);
        resolve(outcome);
      };
      this.pending = { requestId, settle };
      try {
        this.opts.emit('flush.request', { requestId });
      } catch {
        // No renderer to ask: lock now rather than leave the vault open.
        settle('not-saved');
      }
    });
  }
}
