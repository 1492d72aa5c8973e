// Run by measure/memory.ts as its own Node process (with --expose-gc), so the RSS measured is
// that of a fresh main process holding the unlocked vault, not of the generator.
import { call, openBenchService, BENCH_PASSWORD } from '../service-call';

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;

function settle(): NodeJS.MemoryUsage {
  gc?.();
  gc?.();
  return process.memoryUsage();
}

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: memory-child.ts <dataDir>');
const service = await openBenchService(dataDir);
const locked = settle();
const start = performance.now();
await call(service, 'vault.unlock', { password: BENCH_PASSWORD });
const coldUnlockMs = performance.now() - start;
await call(service, 'search.query', { text: 'panic attacks', limit: 20 });
const rightAfterUnlock = settle();
// Steady state: a KDF worker thread (the WASM fallback only) ends 5 s after its last job.
await new Promise((resolve) => setTimeout(resolve, 6000));
const unlocked = settle();
await call(service, 'vault.lock', {});
service.close();
process.stdout.write(
  JSON.stringify({
    gcExposed: gc !== undefined,
    coldUnlockMs: Math.round(coldUnlockMs),
    lockedRssMB: mb(locked.rss),
    unlockedRssMB: mb(unlocked.rss),
    unlockedRightAfterRssMB: mb(rightAfterUnlock.rss),
    unlockedHeapUsedMB: mb(unlocked.heapUsed),
    unlockedExternalMB: mb(unlocked.external),
  }),
);
