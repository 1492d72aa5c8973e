// `npm run bench [-- --scale 2] [--scales 0.25,1,2,4] [--seed N] [--keep]`: builds a synthetic practice
// vault in a temp folder per scale, runs every measure beside its baseline, prints a table per
// scale (and, over several scales, how each figure grows), writes bench/results.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TEST_KDF } from '../tests/helpers/service';
import { generatePractice } from './generate-practice';
import { growthTable, type ScaleRun } from './growth';
import { measureBackup } from './measure/backup';
import { measureKdf } from './measure/kdf';
import { measureMemory } from './measure/memory';
import { measureRenderer } from './measure/renderer';
import { measureSave } from './measure/save';
import { buildPlainIndex, measureSearch } from './measure/search';
import { measureUnlock } from './measure/unlock';
import { markdownTable, type MeasureResult, type Row } from './report';
import { BENCH_PASSWORD, call, openBenchService } from './service-call';
import { round, timed } from './stats';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    scales: { type: 'string' },
    seed: { type: 'string', default: '20160104' },
    keep: { type: 'boolean', default: false },
  },
});
const scales = (args.scales ?? args.scale).split(',').map(Number);
const seed = Number(args.seed);
if (!scales.every((s) => s > 0 && s <= 4) || !Number.isInteger(seed)) throw new Error('every scale must be in (0, 4] and --seed an integer.');

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const loadNow = () => round(os.loadavg()[0]!, 1);

/** Runs one measure; a failure becomes a row that says so, and the other measures still run. */
async function run(rows: Row[], raw: Record<string, unknown>, name: string, measure: () => Promise<MeasureResult>): Promise<void> {
  log(`${name}…`);
  try {
    const result = await measure();
    rows.push(...result.rows);
    raw[name] = result.raw;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    rows.push({ measure: name, app: `failed: ${message}`, baseline: '—', ratio: null, target: '—', met: null });
    raw[name] = { error: message };
  }
}

interface ScaleResult extends ScaleRun {
  rows: Row[];
  load: string;
}

/** Generates the practice at one scale and runs every measure on it (the KDF only once per run: it does not depend on the vault). */
async function benchScale(scale: number, withKdf: boolean): Promise<ScaleResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-bench-'));
  const dataDir = path.join(root, 'vault');
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  // Other processes skew every number on a shared machine: the 1-minute load is recorded with the results.
  const loadAtStart = loadNow();
  try {
    if (withKdf) await run(rows, raw, 'kdf', () => measureKdf(path.join(root, 'kdf-calibrated')));

    log(`generating the practice at scale ${scale} (seed ${seed})…`);
    let service = await openBenchService(dataDir, TEST_KDF);
    await call(service, 'vault.create', { password: BENCH_PASSWORD });
    const generated = await timed(() =>
      generatePractice(service, { scale, seed, onProgress: (done, total) => log(`  ${done} / ${total} notes`) }),
    );
    const { docs, ...practice } = generated.value;
    raw.practice = { ...practice, generationSeconds: round(generated.ms / 1000, 1), vaultDbBytes: fs.statSync(path.join(dataDir, 'vault.db')).size };
    log(`  ${practice.notes} notes, ${practice.clients} clients, ${practice.addenda} addenda in ${round(generated.ms / 1000, 1)} s`);

    const plain = buildPlainIndex(docs);
    // The plaintext is only for the bare index. Let it go: held here, its ~35 MB per 10 years of
    // notes (which the app's main process never holds) was walked by every garbage collection
    // inside the timed unlocks below.
    docs.length = 0;
    await run(rows, raw, 'save', () => measureSave(service, practice.someClientId, root));

    // The search, unlock and memory measures run in fresh processes that open the same vault: this
    // process lets go of it first. This first lock after generation seals the cache for the first time (with a full optimize).
    raw.firstSealingLockMs = round((await timed(() => call(service, 'vault.lock', {}))).ms);
    service.close();
    await run(rows, raw, 'search', () => measureSearch(dataDir, plain.db));
    plain.db.close();
    await run(rows, raw, 'unlock', () => measureUnlock(dataDir, TEST_KDF, plain.buildMs, scale));
    await run(rows, raw, 'memory', () => measureMemory(dataDir, scale));

    service = await openBenchService(dataDir, TEST_KDF);
    await call(service, 'vault.unlock', { password: BENCH_PASSWORD });
    await run(rows, raw, 'backup', () => measureBackup(service, dataDir, root));
    service.close();
    // The renderer's goals are set on the 10-year practice: measured there only.
    if (scale === 1) await run(rows, raw, 'renderer', () => measureRenderer(dataDir, root, TEST_KDF));
    return { scale, notes: practice.notes, rows, raw, load: `load average ${loadAtStart} at start, ${loadNow()} at end` };
  } finally {
    if (!args.keep) fs.rmSync(root, { recursive: true, force: true });
    else log(`kept ${root}`);
  }
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`;
const results: ScaleResult[] = [];
for (const [i, scale] of scales.entries()) results.push(await benchScale(scale, i === 0));

for (const r of results) {
  console.log(`\nSessionVault benchmark, scale ${r.scale} (${r.notes} notes), ${machine}, ${r.load}\n`);
  console.log(markdownTable(r.rows));
}
const growth = results.length > 1 ? growthTable(results) : null;
if (growth) console.log(`\nGrowth over scales ${scales.join(', ')} (exponent of notes: 1 = grows like the note count, 0 = flat)\n\n${growth.markdown}`);

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
const machineInfo = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model.trim(), memGB: round(os.totalmem() / 1e9, 1), node: process.version, platform: `${os.platform()} ${os.release()}` };
fs.writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), seed, machine: machineInfo, scales: results.map(({ scale, notes, rows, raw, load }) => ({ scale, notes, load, rows, raw })), growth: growth?.rows ?? null }, null, 2)}\n`,
);
console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
