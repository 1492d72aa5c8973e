import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { VaultService } from '../../src-main/service';
import { ms, type MeasureResult } from '../report';
import { BENCH_PASSWORD, call } from '../service-call';
import { median, round, timed } from '../stats';

const RUNS = 3;
/** Issue 20: against the same checks done on an unencrypted copy (DESIGN §8 asks for every one of them). */
const CREATE_TARGET = 1.5;
const RESTORE_TARGET = 3;

/**
 * What DESIGN §8 asks of a backup, without the encryption: copy, fsync, read back and compare
 * (SHA-256 of both), `PRAGMA integrity_check` on the copy. The fairer yardstick for a verified
 * backup; reported beside the raw-copy baseline, not instead of it.
 */
async function durableCheckedCopy(vaultFile: string, copy: string): Promise<void> {
  await fs.promises.copyFile(vaultFile, copy);
  const fd = fs.openSync(copy, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  // Read in pieces into one buffer, as the app's verify does: a fresh 100 MB buffer is slow to touch here.
  const piece = Buffer.allocUnsafe(1 << 20);
  const hash = (file: string) => {
    const h = crypto.createHash('sha256');
    const f = fs.openSync(file, 'r');
    try {
      for (let n = fs.readSync(f, piece); n > 0; n = fs.readSync(f, piece)) h.update(piece.subarray(0, n));
    } finally {
      fs.closeSync(f);
    }
    return h.digest('hex');
  };
  if (hash(copy) !== hash(vaultFile)) throw new Error('the plain copy differs from vault.db');
  const db = new Database(copy, { readonly: true });
  try {
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('the plain copy fails integrity_check');
  } finally {
    db.close();
  }
}

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
  const checkedCopies: number[] = [];
  const creates: number[] = [];
  const folder = (await call(service, 'files.choose', { purpose: 'backup-folder', typedPath: backupDir })).chosen!.handle;
  let made = { path: '', handle: '', bytes: 0, notes: 0 };
  for (let i = 0; i < RUNS; i++) {
    const copy = path.join(backupDir, `raw-copy-${i}.db`);
    copies.push((await timed(() => fs.promises.copyFile(vaultFile, copy))).ms);
    fs.rmSync(copy);
    checkedCopies.push((await timed(() => durableCheckedCopy(vaultFile, copy))).ms);
    fs.rmSync(copy);
    const created = await timed(() => call(service, 'backup.create', { folder }));
    creates.push(created.ms);
    made = created.value;
  }
  const verify = await timed(() => call(service, 'backup.verify', { backup: made.handle }));
  const restore = await timed(() => call(service, 'backup.restore', { backup: made.handle, password: BENCH_PASSWORD }));

  const [create, copy, checked] = [median(creates), median(copies), median(checkedCopies)];
  const yardstick = `${ms(checked)} (copy + fsync + read-back hash + integrity_check, unencrypted)`;
  return {
    rows: [
      {
        measure: 'Backup create + verify',
        app: ms(create),
        baseline: yardstick,
        ratio: create / checked,
        target: `≤ ${CREATE_TARGET}×`,
        met: create / checked <= CREATE_TARGET,
      },
      {
        measure: 'Backup restore (password, check, install, unlock)',
        app: ms(restore.ms),
        baseline: yardstick,
        ratio: restore.ms / checked,
        target: `≤ ${RESTORE_TARGET}×`,
        met: restore.ms / checked <= RESTORE_TARGET,
      },
      {
        measure: 'Backup create + verify / verify alone, vs a raw copy',
        app: `${ms(create)} / ${ms(verify.ms)}`,
        baseline: `${ms(copy)} (copyFile of vault.db: no fsync, no check)`,
        ratio: create / copy,
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
      durableCheckedCopyMs: checkedCopies.map((x) => round(x)),
      createMs: creates.map((x) => round(x)),
      verifyMs: round(verify.ms),
      restoreMs: round(restore.ms),
      restoredNotes: restore.value.notes,
    },
  };
}
