import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/disk';

/**
 * The Electronegativity step of `npm test` (scripts/security-scan.mjs) must be able to fail: on an
 * insecure window, on a silenced check, on a manual-review item nobody reviewed. The app itself is
 * scanned by the step; here it runs on small folders written for the purpose. Offline throughout.
 */
const SCRIPT = path.resolve(import.meta.dirname, '../../../scripts/security-scan.mjs');

function scan(files: Record<string, string>): { status: number | null; out: string } {
  const dir = tempDir('sv-scan-input-');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const r = spawnSync(process.execPath, [SCRIPT, '--input', dir], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** A small app that passes: navigation and permissions handled, a CSP, a hardened window. */
const CLEAN_HTML = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'"></head><body></body></html>`;
const cleanMain = (window: string, comment = '') => `const { app, BrowserWindow, session } = require('electron');
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
session.defaultSession.setPermissionRequestHandler((_wc, _p, cb) => cb(false));
new BrowserWindow({ webPreferences: { ${window} } }); ${comment}
`;
const HARDENED = `contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick'`;

describe('the Electronegativity step', () => {
  it('passes a hardened app (so each failure below has one cause), offline', () => {
    const { status, out } = scan({ 'main.js': cleanMain(HARDENED), 'index.html': CLEAN_HTML });
    expect(out).toContain('0 high/medium not reviewed');
    expect(out).toContain('0 network attempts');
    expect(status).toBe(0);
  }, 150_000);

  it('fails on a window with Node integration and no isolation or sandbox, and names the checks', () => {
    const { status, out } = scan({ 'main.js': cleanMain('nodeIntegration: true, contextIsolation: false, sandbox: false'), 'index.html': CLEAN_HTML });
    expect(status).toBe(1);
    expect(out).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(out).toContain('SANDBOX_JS_CHECK');
  }, 150_000);

  it('fails on a silenced check, and on a preload in a file nobody reviewed', () => {
    const silenced = scan({ 'main.js': cleanMain(HARDENED, '// eng-disable SANDBOX_JS_CHECK'), 'index.html': CLEAN_HTML });
    expect(silenced.out).toContain('1 eng-disable comments');
    expect(silenced.status).toBe(1);
    const unreviewed = scan({ 'other.js': cleanMain(`${HARDENED}, preload: 'p.js'`), 'index.html': CLEAN_HTML });
    expect(unreviewed.out).toMatch(/PRELOAD_JS_CHECK\s+other\.js/);
    expect(unreviewed.status).toBe(1);
  }, 150_000);
});
