import fs from 'node:fs';
import path from 'node:path';
import type { VaultService } from '../../src-main/service';
import { ms, type MeasureResult } from '../report';
import { BENCH_PASSWORD, call } from '../service-call';
import { median, round, timed } from '../stats';

const RUNS = 3;
const TARGET = 3;

/**
 * `backup.create` (snapshot, encrypt, write, read back and verify: it resolves only once the
 * file is proven) vs a raw `fs.copyFile` of vault.db into the same folder; then a standalone
 * `backup.verify` and `backup.restore` (decrypt, check, install, unlock) of the newest backup.
 * The vault must be unlocked; it is unlocked again (restored) at the end.
 */
export async function measureBackup(service: VaultService, dataDir: string, dir: string): Promise<MeasureResult> {
  const backupDir = path.join(dir, 'backups');
  fs.mkdirSync(backupDir, { recursive: true });
  const vaultFile = path.join(dataDir, 'vault.db');
  const vaultBytes = fs.statSync(vaultFile).size;

  const copies: number[] = [];
  const creates: number[] = [];
  let made = { path: '', bytes: 0, notes: 0 };
  for (let i = 0; i < RUNS; i++) {
    const copy = path.join(backupDir, `raw-copy-${i}.db`);
    copies.push((await timed(() => fs.promises.copyFile(vaultFile, copy))).ms);
    fs.rmSync(copy);
    const created = await timed(() => call(service, 'backup.create', { dir: backupDir }));
    creates.push(created.ms);
    made = created.value;
  }
  const verify = await timed(() => call(service, 'backup.verify', { path: made.path }));
  const restore = await timed(() => call(service, 'backup.restore', { path: made.path, password: BENCH_PASSWORD }));

  const [create, copy] = [median(creates), median(copies)];
  return {
    rows: [
      {
        measure: 'Backup create + verify',
        app: ms(create),
        baseline: `${ms(copy)} (copyFile of vault.db)`,
        ratio: create / copy,
        target: `≤ ${TARGET}×`,
        met: create / copy <= TARGET,
      },
      {
        measure: 'Backup verify alone / restore',
        app: `${ms(verify.ms)} / ${ms(restore.ms)}`,
        baseline: `${ms(copy)} (copyFile of vault.db)`,
        ratio: restore.ms / copy,
        target: '— (reported)',
        met: null,
      },
    ],
    raw: {
      runs: RUNS,
      vaultDbBytes: vaultBytes,
      backupBytes: made.bytes,
      backupNotes: made.notes,
      copyFileMs: copies.map((x) => round(x)),
      createMs: creates.map((x) => round(x)),
      verifyMs: round(verify.ms),
      restoreMs: round(restore.ms),
      restoredNotes: restore.value.notes,
    },
  };
}
