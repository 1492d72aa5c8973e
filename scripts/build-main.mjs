// Bundles the Electron main process and the preload into dist/main (CommonJS, as Electron loads them).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `--outdir=<dir>` lets the bundle test build into a temp dir instead of dist/main.
const outdirArg = process.argv.find((a) => a.startsWith('--outdir='));
const outdir = outdirArg ? path.resolve(outdirArg.slice('--outdir='.length)) : path.join(root, 'dist', 'main');
const production = process.env.NODE_ENV === 'production';

const ZXCVBN = ['@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-en'];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  outdir,
  outExtension: { '.js': '.cjs' },
  sourcemap: production ? false : 'linked',
  minify: false,
  logLevel: 'warning',
  absWorkingDir: root,
};

// Source modules that locate siblings via import.meta.url (the KDF worker) get the bundle's own URL.
const importMetaUrlShim = {
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

// Main: native and WASM-heavy modules stay in node_modules (their .node files are unpacked from the asar).
const mainEntries = { main: 'src-main/electron/main.ts' };
// Where native Argon2id cannot load, the KDF runs in a worker thread that kdf-thread.ts loads as
// `kdf-worker.cjs` next to main.cjs.
const kdfWorker = 'src-main/core/crypto/kdf-worker.ts';
if (fs.existsSync(path.join(root, kdfWorker))) mainEntries['kdf-worker'] = kdfWorker;

await build({
  ...common,
  ...importMetaUrlShim,
  entryPoints: mainEntries,
  // @node-rs/argon2 picks its prebuilt binary package per platform at run time: it cannot be bundled.
  // pdfmake (with pdfkit and fontkit, ~3 MB) is loaded from node_modules on the first PDF only, and
  // its Roboto fonts are read from its package there (inside the asar in a packaged app).
  // zxcvbn's dictionaries (~1.7 MB of source, ~10 MB of memory once parsed) likewise load on the
  // first password rated, not with the window: a locked app holds only what it needs.
  external: ['electron', 'better-sqlite3', 'libsodium-wrappers-sumo', '@node-rs/argon2', 'pdfmake', ...ZXCVBN],
});

// Preload: a sandboxed preload can require only 'electron', so everything else is bundled in.
await build({
  ...common,
  platform: 'browser',
  entryPoints: { preload: 'src-main/electron/preload.ts' },
  external: ['electron'],
});

for (const name of fs.readdirSync(outdir).filter((f) => f.endsWith('.cjs'))) {
  const kb = (fs.statSync(path.join(outdir, name)).size / 1024).toFixed(0);
  console.log(`${path.relative(root, path.join(outdir, name))}  ${kb} KiB`);
}
