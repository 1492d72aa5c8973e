// `npm test`: native module check, renderer build, typecheck, lint, Electronegativity, vitest, Playwright (Chromium),
// and the Electron suite (skips itself without an Electron binary). Ends with one line:
// "N passed, N failed, N skipped", summed over every suite, and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const totals = { passed: 0, failed: 0, skipped: 0 };
fs.mkdirSync('test-results', { recursive: true });

function run(label, command, extraEnv = {}) {
  console.log(`\n=== ${label}: ${command}`);
  const r = spawnSync(command, { shell: true, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status === 0;
}

/** A step that is one check (build, typecheck, lint). */
function step(label, command) {
  const ok = run(label, command);
  totals[ok ? 'passed' : 'failed'] += 1;
  if (!ok) console.log(`--- ${label} FAILED`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitest() {
  const out = 'test-results/vitest.json';
  fs.rmSync(out, { force: true });
  const ok = run('vitest', `npx vitest run --reporter=default --reporter=json --outputFile=${out}`);
  const j = readJson(out);
  if (!j) return void (totals.failed += 1);
  totals.passed += j.numPassedTests;
  totals.failed += j.numFailedTests + (ok || j.numFailedTests ? 0 : 1);
  totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
}

function playwright(label, configArg, relOut) {
  // Absolute: Playwright resolves a relative report path against the config file's folder.
  const out = path.resolve(relOut);
  fs.rmSync(out, { force: true });
  const ok = run(label, `npx playwright test ${configArg} --reporter=list,json`, { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const j = readJson(out);
  if (!j?.stats) return void (totals.failed += 1);
  const s = j.stats;
  totals.passed += s.expected + (s.flaky ?? 0);
  totals.failed += s.unexpected + (ok || s.unexpected ? 0 : 1);
  totals.skipped += s.skipped;
}

run('native module', 'node scripts/ensure-native.mjs');
const built = step('build renderer', 'npx vite build --config vite.renderer.config.ts --logLevel warn');
step('typecheck', 'npx tsc -p tsconfig.json --noEmit && npx tsc -p src-renderer/tsconfig.json --noEmit && npx tsc -p tests/e2e/tsconfig.json --noEmit');
step('lint', 'npx eslint . --max-warnings 0');
// Electron security scan, offline: 0 high / 0 medium findings that are not reviewed manual-review items.
step('electronegativity', 'node scripts/security-scan.mjs');
vitest();
if (built) playwright('e2e (Chromium)', '', 'test-results/e2e-results.json');
else totals.failed += 1;
if (fs.existsSync('tests/electron/electron.config.ts')) {
  playwright('electron', '-c tests/electron/electron.config.ts', 'test-results/electron-results.json');
}

const line = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
fs.writeFileSync('test-results/summary.txt', `${line}\n`);
console.log(`\n${line}`);
process.exit(totals.failed > 0 ? 1 : 0);
