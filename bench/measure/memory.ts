import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { targetAt, type MeasureResult } from '../report';
import { runBundledChild } from './bundled-child';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'memory-child.ts');

interface ChildReport {
  gcExposed: boolean;
  coldUnlockMs: number;
  lockedRssMB: number;
  unlockedRssMB: number;
  unlockedRightAfterRssMB: number;
  unlockedHeapUsedMB: number;
  unlockedExternalMB: number;
}

/**
 * RSS of a fresh Node process (bundled-child.ts) that opens the service, unlocks the vault, runs
 * one search, waits for a KDF thread (if any) to end (5 s after its last job) and collects
 * garbage: the main process's own share (Electron's main adds its runtime on top, the renderer
 * is a separate process). Baseline: the same process with the vault still locked. The vault
 * must not be open in this process meanwhile.
 */
export async function measureMemory(dataDir: string, scale: number): Promise<MeasureResult> {
  const report = JSON.parse(await runBundledChild(CHILD, [dataDir])) as ChildReport;
  const target = targetAt(scale, { 1: 120, 2: 140 });
  return {
    rows: [
      {
        measure: 'Main-process RSS, vault unlocked',
        app: `${report.unlockedRssMB} MB (${report.unlockedRightAfterRssMB} MB right after unlock)`,
        baseline: `${report.lockedRssMB} MB (same process, locked)`,
        ratio: report.unlockedRssMB / report.lockedRssMB,
        target: target === null ? '—' : `≤ ${target} MB`,
        met: target === null ? null : report.unlockedRssMB <= target,
      },
    ],
    raw: { ...report },
  };
}
