import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Runs `entry` as a fresh Node process, as the app's main process runs: bundled with esbuild as
 * the shipped main is (scripts/build-main.mjs), with the same native modules left external, and
 * run by plain node with --expose-gc (under tsx a module-loader thread alone adds ~20 MB that
 * the app does not have). A fresh process also holds none of the generator's state: measured in
 * the bench process itself, an unlock from the cache took ~50 ms longer at scale 1. `input`, if
 * given, is written to the child's stdin (the bare index of search.ts, never to a file). Returns
 * what the child wrote to stdout (its report, JSON).
 */
export async function runBundledChild(entry: string, args: string[], input?: Buffer): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-bench-child-'));
  try {
    const outfile = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
    await build({
      entryPoints: [entry],
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
    fs.symlinkSync(path.resolve(path.dirname(entry), '..', '..', 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    return await runNode([outfile, ...args], input);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs node with --expose-gc; resolves with its stdout, rejects with its stderr if it fails. */
function runNode(args: string[], input: Buffer | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`bench child ${args[0]} exited with ${code}: ${Buffer.concat(err).toString('utf8')}`));
    });
    child.stdin.end(input ?? Buffer.alloc(0));
  });
}
