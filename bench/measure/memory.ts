import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { targetAt, type MeasureResult } from '../report';

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
 * RSS of a fresh Node process that opens the service, unlocks the vault, runs one search,
 * waits for a KDF thread (if any) to end (5 s after its last job) and collects garbage: the
 * main process's own share (Electron's main adds its runtime on top, the renderer is a
 * separate process). Baseline: the same process with the vault still locked. The child is
 * bundled with esbuild as the shipped main is (scripts/build-main.mjs), with the same native
 * modules left external, and run by plain node: under tsx a module-loader thread alone adds
 * ~20 MB that the app does not have. The vault must not be open in this process meanwhile.
 */
export async function measureMemory(dataDir: string, scale: number): Promise<MeasureResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-bench-memory-'));
  try {
    const outfile = path.join(dir, 'memory-child.mjs');
    await build({
      entryPoints: [CHILD],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      // As scripts/build-main.mjs: pdfmake and zxcvbn load from node_modules when first used.
      external: ['better-sqlite3', 'libsodium-wrappers-sumo', '@node-rs/argon2', 'pdfmake', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-en'],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    // The bundle lives in a temp folder: its external modules resolve from this checkout.
    fs.symlinkSync(path.resolve(path.dirname(CHILD), '..', '..', 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    return await runChild(outfile, dataDir, targetAt(scale, { 1: 120, 2: 140 }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runChild(script: string, dataDir: string, target: number | null): Promise<MeasureResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', script, dataDir], { maxBuffer: 1024 * 1024 });
  const report = JSON.parse(stdout) as ChildReport;
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
