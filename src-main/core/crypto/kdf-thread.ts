import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { serialQueue } from '../../../src-shared/serial-queue';
import type { KdfJob, KdfReply } from './kdf-worker';
import type { Kek } from './keys';
import type { KdfParams } from './sodium';

/**
 * The fallback KDF engine, used by password-kdf.ts only where native Argon2id cannot load:
 * libsodium's WASM Argon2id on a worker thread, so the ~1 s KDF never blocks the main process
 * (IPC, the idle lock, the window). One job at a time: the thread's replies are matched in order.
 * The thread is kept for a few seconds for the next job (create = calibrate + derive), then
 * ended, which frees its 256 MiB of WASM memory and any trace of the password in it; the vault
 * also ends it at lock (`releaseKdfThread`). With native Argon2id it is never started.
 *
 * The worker file sits next to this module with the same extension: `kdf-worker.cjs` when
 * bundled (its own entry point), `kdf-worker.ts` when running from source (tests, preview),
 * loaded through tsx's require hook because Node 20 does not give worker threads the
 * `--import` loader hooks of their parent.
 */
const IDLE_MS = 5000;

let thread: Worker | null = null;
let busy = false;
let releaseWhenDone = false;
let idleTimer: NodeJS.Timeout | null = null;
// One job on the thread at a time: its replies carry no id, so each is the answer to the one job in flight.
const oneJob = serialQueue();

function startWorker(): Worker {
  // In the CommonJS bundle, scripts/build-main.mjs defines import.meta.url as the bundle's URL.
  const here = fileURLToPath(import.meta.url);
  const ext = path.extname(here);
  const entry = path.join(path.dirname(here), `kdf-worker${ext}`);
  const tsxHook = ext === '.ts' ? createRequire(here).resolve('tsx/cjs') : null;
  const worker = tsxHook
    ? new Worker(`require(${JSON.stringify(tsxHook)}); require(${JSON.stringify(entry)});`, { eval: true })
    : new Worker(entry);
  // A thread that dies while idle is simply replaced by the next job.
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    if (thread === worker) thread = null;
  });
  return worker;
}

/** Ends the KDF thread (at lock and quit) once its current job, if any, is done. */
export function releaseKdfThread(): void {
  if (busy) {
    releaseWhenDone = true;
    return;
  }
  releaseWhenDone = false;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  void thread?.terminate();
  thread = null;
}

function runOnThread(job: KdfJob): Promise<NonNullable<KdfReply>> {
  if (idleTimer) clearTimeout(idleTimer);
  const worker = (thread ??= startWorker());
  // Kept referenced while working, so a script awaiting the result does not exit early.
  worker.ref();
  busy = true;
  return new Promise<NonNullable<KdfReply>>((resolve, reject) => {
    const done = (reply: KdfReply) => {
      worker.off('message', done);
      worker.off('error', failed);
      worker.off('exit', failed);
      worker.unref();
      busy = false;
      // The reason stays inside: nothing from the thread's failure reaches a message.
      if (reply) resolve(reply);
      else reject(new Error('The key derivation thread failed.'));
      if (releaseWhenDone || !reply) releaseKdfThread();
      else idleTimer = setTimeout(releaseKdfThread, IDLE_MS).unref();
    };
    const failed = () => done(null);
    worker.on('message', done);
    worker.on('error', failed);
    worker.on('exit', failed);
    worker.postMessage(job);
  });
}

function enqueue(job: KdfJob): Promise<NonNullable<KdfReply>> {
  return oneJob(() => runOnThread(job));
}

/** Argon2id13 -> 32-byte KEK, computed on the worker thread. */
export async function deriveKekInWorker(password: string, salt: Uint8Array, params: KdfParams): Promise<Kek> {
  const reply = await enqueue({ mode: 'derive', password, salt, params });
  if (!('kek' in reply)) throw new Error('The key derivation thread failed.');
  return reply.kek as Kek;
}

/** Milliseconds one Argon2id run at `params` takes on this machine (thread start-up excluded). */
export async function timeKdfInWorker(params: KdfParams): Promise<number> {
  const reply = await enqueue({ mode: 'time', params });
  if (!('ms' in reply)) throw new Error('The key derivation thread failed.');
  return reply.ms;
}
