import fs from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/**
 * Finds the Electron executable the way `require('electron')` does, without requiring it:
 * that module starts a download when the binary is missing, and this machine has no internet.
 */
export function findElectronBinary(electronDir: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(electronDir)) return { found: false, reason: `the electron package is not installed (${electronDir} is missing); run npm install.` };
  if (!fs.existsSync(pathFile)) {
    return {
      found: false,
      reason:
        'no Electron binary: node_modules/electron/path.txt is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1). ' +
        'With internet access run `node node_modules/electron/install.js` (or a plain `npm install`) to get it.',
    };
  }
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : path.join(electronDir, 'dist', relative);
  if (!fs.existsSync(binary)) return { found: false, reason: `no Electron binary at ${binary}; run \`node node_modules/electron/install.js\` with internet access.` };
  return { found: true, path: binary };
}

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const electronBinary = findElectronBinary(path.join(ROOT, 'node_modules', 'electron'));
