import { execFileSync } from 'node:child_process';
import { electronBinary, ROOT } from './electron-binary';

/** Restores the Node build of better-sqlite3 so vitest and Playwright-in-Chromium keep working. */
export default function globalTeardown(): void {
  if (!electronBinary.found) return;
  execFileSync('npm', ['rebuild', 'better-sqlite3'], { cwd: ROOT, stdio: 'inherit' });
}
