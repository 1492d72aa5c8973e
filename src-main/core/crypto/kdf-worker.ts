// Worker thread entry: Argon2id runs here, off the main event loop, one job at a time.
import { parentPort } from 'node:worker_threads';
import { deriveKekFromPassword, initCrypto, memzero, randomBytes, SALT_BYTES, type KdfParams } from './sodium';

/** What kdf-thread.ts sends. `time` runs the KDF only to measure it; that key never leaves. */
export type KdfJob =
  | { mode: 'derive'; password: string; salt: Uint8Array; params: KdfParams }
  | { mode: 'time'; params: KdfParams };

/** What comes back: the KEK (derive) or the milliseconds Argon2id took (time); null on failure. */
export type KdfReply = { kek: Uint8Array } | { ms: number } | null;

async function run(job: KdfJob): Promise<void> {
  await initCrypto();
  const [password, salt] = job.mode === 'derive' ? [job.password, job.salt] : ['calibration', randomBytes(SALT_BYTES)];
  const start = performance.now();
  const kek = deriveKekFromPassword(password, salt, job.params);
  const ms = performance.now() - start;
  if (job.mode === 'time') {
    memzero(kek);
    parentPort!.postMessage({ ms } satisfies KdfReply);
    return;
  }
  // Transferred, not copied: the only copy of the KEK moves to the caller.
  parentPort!.postMessage({ kek } satisfies KdfReply, [kek.buffer as ArrayBuffer]);
}

parentPort!.on('message', (job: KdfJob) => {
  run(job).catch(() => {
    // Never forward the error itself: only "it failed" crosses back.
    parentPort!.postMessage(null satisfies KdfReply);
  });
});
