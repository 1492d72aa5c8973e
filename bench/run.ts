// `npm run bench [-- --scale 0.1] [--seed N] [--keep]`: builds a synthetic practice vault in a
// temp folder, runs every measure beside its baseline, prints a table, writes bench/results.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TEST_KDF } from '../tests/helpers/service';
import { generatePractice } from './generate-practice';
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
  options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '20160104' }, keep: { type: 'boolean', default: false } },
});
const scale = Number(args.scale);
const seed = Number(args.seed);
if (!(scale > 0 && scale <= 2) || !Number.isInteger(seed)) throw new Error('--scale must be in (0, 2] and --seed an integer.');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-bench-'));
const dataDir = path.join(root, 'vault');
const rows: Row[] = [];
// Other processes skew every number on a shared machine: the 1-minute load is recorded with the results.
const loadAtStart = round(os.loadavg()[0]!, 1);
const raw: Record<string, unknown> = {};
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Runs one measure; a failure becomes a row that says so, and the other measures still run. */
async function run(name: string, measure: () => Promise<MeasureResult>): Promise<void> {
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

try {
  await run('kdf', () => measureKdf(path.join(root, 'kdf-calibrated')));

  log(`generating the practice at scale ${scale} (seed ${seed})…`);
  let service = await openBenchService(dataDir, TEST_KDF);
  await call(service, 'vault.create', { password: BENCH_PASSWORD });
  const generated = await timed(() =>
    generatePractice(service, { scale, seed, onProgress: (done, total) => log(`  ${done} / ${total} notes`) }),
  );
  const practice = generated.value;
  const { docs, ...summary } = practice;
  raw.practice = { ...summary, generationSeconds: round(generated.ms / 1000, 1), vaultDbBytes: fs.statSync(path.join(dataDir, 'vault.db')).size };
  log(`  ${practice.notes} notes, ${practice.clients} clients, ${practice.addenda} addenda in ${round(generated.ms / 1000, 1)} s`);

  const plain = buildPlainIndex(docs);
  await run('save', () => measureSave(service, practice.someClientId, root));
  await run('search', () => measureSearch(service, plain.db));
  plain.db.close();
  await run('unlock', () => measureUnlock(service, dataDir, TEST_KDF, plain.buildMs));

  // The child process opens the same vault: this process lets go of it first.
  await call(service, 'vault.lock', {});
  service.close();
  await run('memory', () => measureMemory(dataDir));

  service = await openBenchService(dataDir, TEST_KDF);
  await call(service, 'vault.unlock', { password: BENCH_PASSWORD });
  await run('backup', () => measureBackup(service, dataDir, root));
  service.close();
  await run('renderer', () => measureRenderer(dataDir, root, TEST_KDF));
} finally {
  if (!args.keep) fs.rmSync(root, { recursive: true, force: true });
  else log(`kept ${root}`);
}

const table = markdownTable(rows);
const load = `load average ${loadAtStart} at start, ${round(os.loadavg()[0]!, 1)} at end`;
console.log(`\nSessionVault benchmark, scale ${scale}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, ${load}\n`);
console.log(table);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
fs.writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), scale, seed, machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model.trim(), memGB: round(os.totalmem() / 1e9, 1), node: process.version, platform: `${os.platform()} ${os.release()}`, load }, rows, raw }, null, 2)}\n`,
);
console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
