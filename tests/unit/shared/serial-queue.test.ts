import { describe, expect, it } from 'vitest';
import { serialQueue } from '../../../src-shared/serial-queue';

/** A promise the test settles by hand, so order is observed without any timer. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('serialQueue', () => {
  it('starts a job only after the one before it has settled, in the order queued', async () => {
    const serial = serialQueue();
    const started: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    const a = serial(() => (started.push('a'), first.promise));
    const b = serial(() => (started.push('b'), second.promise));
    const c = serial(async () => (started.push('c'), 'c'));
    await tick();
    expect(started).toEqual(['a']);
    first.resolve('a');
    await tick();
    expect(started).toEqual(['a', 'b']);
    second.resolve('b');
    expect(await Promise.all([a, b, c])).toEqual(['a', 'b', 'c']);
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('gives a failed job its own error and still runs the next', async () => {
    const serial = serialQueue();
    const failed = serial(() => Promise.reject(new Error('wrong password')));
    const thrown = serial(() => {
      throw new Error('thrown before any await');
    });
    const next = serial(async () => 'still runs');
    await expect(failed).rejects.toThrow('wrong password');
    await expect(thrown).rejects.toThrow('thrown before any await');
    await expect(next).resolves.toBe('still runs');
  });

  it('keeps separate queues independent', async () => {
    const one = serialQueue();
    const two = serialQueue();
    const blocker = deferred<void>();
    void one(() => blocker.promise);
    await expect(two(async () => 'not blocked')).resolves.toBe('not blocked');
    blocker.resolve();
  });
});
