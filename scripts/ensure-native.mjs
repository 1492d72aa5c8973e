// better-sqlite3 is built either for Node (tests, preview, bench) or for Electron (`npm start`).
// Make sure the Node build is in place; rebuild it if the Electron one was left behind.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (e) {
  if (!/NODE_MODULE_VERSION|was compiled against|invalid ELF|Could not locate the bindings/.test(String(e?.message))) throw e;
  console.log('better-sqlite3 was built for Electron; rebuilding it for Node…');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}
