// Run by measure/unlock.ts as its own Node process (bundled-child.ts): the unlocks are timed in a
// fresh process holding only the vault, as the app's main process does.
import fs from 'node:fs';
import path from 'node:path';
import { timeKdf } from '../../src-main/core/crypto/password-kdf';
import type { KdfParams } from '../../src-main/core/crypto/sodium';
import { UNLOCK_CACHE_FILE } from '../../src-main/core/vault/unlock-cache';
import type { VaultService } from '../../src-main/service';
import { ms, targetAt, type MeasureResult } from '../report';
import { BENCH_PASSWORD, call, openBenchService } from '../service-call';
import { median, round, timed } from '../stats';

const RUNS = 5;
/** Lock-unlock cycles before the timed ones: the first unlocks of a process run colder code (reported apart). */
const WARMUP = 2;
/** Each unlock without the cache is followed by a lock that reads and seals every note (~2 s at scale 1). */
const REBUILD_RUNS = 3;

/** The measures of unlock.ts, on a service this process opened and unlocked (from the cache the bench process sealed). */
async function unlockMeasures(service: VaultService, dataDir: string, vaultKdf: KdfParams, plainBuildMs: number, scale: number, firstMs: number): Promise<MeasureResult> {
  const cachedTarget = targetAt(scale, { 1: 150, 2: 200 });
  const rebuildTarget = targetAt(scale, { 1: 400 });
  const totals: number[] = [];
  const kdfs: number[] = [];
  const ready: number[] = [];
  const locks: number[] = [];
  const unlockOnce = async () => {
    locks.push((await timed(() => call(service, 'vault.lock', {}))).ms);
    const kdfMs = await timeKdf(vaultKdf);
    const unlock = await timed(() => call(service, 'vault.unlock', { password: BENCH_PASSWORD }));
    return { total: unlock.ms, kdfMs, ready: unlock.ms - kdfMs };
  };
  for (let i = 0; i < WARMUP; i++) await unlockOnce();
  for (let i = 0; i < RUNS; i++) {
    const run = await unlockOnce();
    totals.push(run.total);
    kdfs.push(run.kdfMs);
    ready.push(run.ready);
  }
  const readyMs = median(ready);
  // The kept index is opened after the unlock returns: a search made at once waits for it.
  await call(service, 'vault.lock', {});
  await call(service, 'vault.unlock', { password: BENCH_PASSWORD });
  const cachedFirstSearchMs = (await timed(() => call(service, 'search.query', { text: 'sleep', limit: 20 }))).ms;
  // After a save the cache is sealed again at lock: what a lock costs on a working day.
  await call(service, 'notes.create', { title: 'Bench: one more note', body: 'So that the next lock seals the cache again.' });
  const sealingLockMs = (await timed(() => call(service, 'vault.lock', {}))).ms;
  await call(service, 'vault.unlock', { password: BENCH_PASSWORD });
  // Without the cache: what the first unlock after a restore or a cache-format change costs. Its
  // words are indexed in the background after it: a search at once waits for the rest.
  const rebuilds: number[] = [];
  const firstSearches: number[] = [];
  for (let i = 0; i < REBUILD_RUNS; i++) {
    await call(service, 'vault.lock', {});
    fs.rmSync(path.join(dataDir, UNLOCK_CACHE_FILE));
    const rebuildKdf = await timeKdf(vaultKdf);
    rebuilds.push((await timed(() => call(service, 'vault.unlock', { password: BENCH_PASSWORD }))).ms - rebuildKdf);
    firstSearches.push((await timed(() => call(service, 'search.query', { text: 'sleep', limit: 20 }))).ms);
  }
  const rebuildMs = median(rebuilds);
  const firstSearchMs = median(firstSearches);
  return {
    rows: [
      {
        measure: 'Unlock-to-ready from the unlock cache, KDF excluded',
        app: `${ms(readyMs)} (the first of the process: ${ms(firstMs)}; a search at once: ${ms(cachedFirstSearchMs)} more; a lock that seals the cache: ${ms(sealingLockMs)})`,
        baseline: `${ms(plainBuildMs)} (bare FTS5 build)`,
        ratio: readyMs / plainBuildMs,
        target: cachedTarget === null ? '—' : `≤ ${cachedTarget} ms`,
        met: cachedTarget === null ? null : readyMs <= cachedTarget,
      },
      {
        measure: 'Unlock-to-ready without the cache, KDF excluded',
        app: `${ms(rebuildMs)} (a search at once: ${ms(firstSearchMs)} more)`,
        baseline: `${ms(plainBuildMs)} (bare FTS5 build)`,
        ratio: rebuildMs / plainBuildMs,
        target: rebuildTarget === null ? '—' : `≤ ${rebuildTarget} ms`,
        met: rebuildTarget === null ? null : rebuildMs <= rebuildTarget,
      },
    ],
    raw: {
      runs: RUNS,
      warmup: WARMUP,
      firstOfProcessMs: round(firstMs),
      vaultKdf,
      unlockTotalMs: totals.map((x) => round(x)),
      kdfMs: kdfs.map((x) => round(x)),
      readyMs: ready.map((x) => round(x)),
      medianReadyMs: round(readyMs),
      cachedFirstSearchMs: round(cachedFirstSearchMs),
      withoutCacheReadyMs: round(rebuildMs),
      withoutCacheRunsMs: rebuilds.map((x) => round(x)),
      withoutCacheFirstSearchMs: round(firstSearchMs),
      unchangedLockMs: locks.map((x) => round(x)),
      sealingLockMs: round(sealingLockMs),
      bareFtsBuildMs: round(plainBuildMs),
    },
  };
}

const [dataDir, kdf, plainBuildMs, scale] = process.argv.slice(2);
if (!dataDir || !kdf || !plainBuildMs || !scale) throw new Error('usage: unlock-child.ts <dataDir> <kdf JSON> <bare FTS5 build ms> <scale>');
const vaultKdf = JSON.parse(kdf) as KdfParams;
const service = await openBenchService(dataDir, vaultKdf);
// The first unlock of the process (from the cache the bench process sealed), KDF included.
const first = await timed(() => call(service, 'vault.unlock', { password: BENCH_PASSWORD }));
const result = await unlockMeasures(service, dataDir, vaultKdf, Number(plainBuildMs), Number(scale), first.ms);
await call(service, 'vault.lock', {});
service.close();
process.stdout.write(JSON.stringify(result));
