import { execFileSync } from 'node:child_process';
import { electronBinary, ROOT } from './electron-binary';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });

/**
 * With an Electron binary: build the renderer and the main bundles, and rebuild better-sqlite3
 * for Electron's ABI (the teardown puts the Node build back, as `npm start` does).
 */
export default function globalSetup(): void {
  if (!electronBinary.found) return;
  run('npm', ['run', 'build']);
  run('npx', ['electron-builder', 'install-app-deps']);
}
