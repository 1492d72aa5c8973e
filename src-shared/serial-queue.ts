/**
 * Runs async jobs one at a time, in the order they were queued, whatever the outcome of the one
 * before: a failed job never blocks or fails the next, and each caller gets its own job's result
 * or error. Used where two runs at once would race (credential changes, backups, the KDF).
 */
export type SerialQueue = <T>(job: () => Promise<T>) => Promise<T>;

export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = tail.then(job);
    // The tail never rejects, so the next job starts whatever became of this one.
    tail = run.catch(() => undefined);
    return run;
  };
}
