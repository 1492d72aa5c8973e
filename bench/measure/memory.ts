import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type MeasureResult } from '../report';

const TARGET_MB = 150;
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'memory-child.ts');

interface ChildReport {
  gcExposed: boolean;
  coldUnlockMs: number;
  lockedRssMB: number;
  unlockedRssMB: number;
  unlockedWithKdfThreadRssMB: number;
  unlockedHeapUsedMB: number;
  unlockedExternalMB: number;
}

/**
 * RSS of a fresh Node process that opens the service, unlocks the vault, runs one search,
 * waits for the KDF thread to end (5 s after its last job) and collects garbage: the main process's own share (Electron's main adds its runtime on top, the
 * renderer is a separate process). Baseline: the same process with the vault still locked.
 * The vault must not be open in this process while the child runs.
 */
export async function measureMemory(dataDir: string): Promise<MeasureResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, dataDir], {
    maxBuffer: 1024 * 1024,
  });
  const report = JSON.parse(stdout) as ChildReport;
  return {
    rows: [
      {
        measure: 'Main-process RSS, vault unlocked',
        app: `${report.unlockedRssMB} MB (${report.unlockedWithKdfThreadRssMB} MB while the KDF thread lives)`,
        baseline: `${report.lockedRssMB} MB (same process, locked)`,
        ratio: report.unlockedRssMB / report.lockedRssMB,
        target: `≤ ${TARGET_MB} MB`,
        met: report.unlockedRssMB <= TARGET_MB,
      },
    ],
    raw: { ...report },
  };
}
