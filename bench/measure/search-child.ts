// Run by measure/search.ts as its own Node process (bundled-child.ts): the searches are timed in a
// fresh process that unlocked the vault, as the app's main process runs them.
import Database from 'better-sqlite3';
import { BENCH_PASSWORD, call, openBenchService } from '../service-call';
import { searchMeasures } from './search';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: search-child.ts <dataDir> < bare-index');
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const plain = new Database(Buffer.concat(chunks));
const service = await openBenchService(dataDir);
await call(service, 'vault.unlock', { password: BENCH_PASSWORD });
const result = await searchMeasures(service, plain);
await call(service, 'vault.lock', {});
service.close();
plain.close();
process.stdout.write(JSON.stringify(result));
