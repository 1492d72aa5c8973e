import path from 'node:path';
import Database from 'better-sqlite3';
import { copyKey, type RecordsKey } from '../crypto/keys';
import { memzero } from '../crypto/sodium';
import { z } from 'zod';
import { RecordStore, recordType } from '../records/record-store';
import type { BackupContext } from './backup-context';
import { privateTempDir, removeQuietly } from './backup-files';
import { readBackupHeader } from './backup-reader';
import { decryptAndCheck, recordCheck, wrongVault } from './backup-verify';

export interface DrillReport {
  createdAt: number;
  notes: number;
  clients: number;
  /** Every stored revision, all kinds. */
  revisions: number;
  /** Latest note change in the backup (encrypted in the file, so only known after decrypting). */
  lastNoteAt: number | null;
  /** Current records that did not decrypt; 0 for a good backup. */
  damaged: number;
}

/**
 * "Test your restores" as one button: restore into a private scratch folder, open that copy,
 * decrypt every current record with the vault's keys, report counts, delete the copy. The vault
 * itself is never touched.
 */
export async function drillBackup(ctx: BackupContext, file: string): Promise<DrillReport> {
  const session = ctx.vault.unlocked();
  const parsed = readBackupHeader(file);
  if (parsed.header.vaultId !== session.header.vaultId) throw wrongVault();
  const masterKey = copyKey(session.masterKey);
  const recordsKey = copyKey(session.recordsKey);
  let scratch: string | undefined;
  try {
    scratch = privateTempDir(ctx.dataDir);
    const copy = path.join(scratch, 'drill.db');
    try {
      await decryptAndCheck(ctx, file, parsed, masterKey, copy, { phase: 'decrypt', durable: false });
    } catch (e) {
      recordCheck(ctx, masterKey, file, parsed, false);
      throw e;
    }
    const report = openAndCount(copy, parsed.header.vaultId, recordsKey, parsed.header.createdAt);
    recordCheck(ctx, masterKey, file, parsed, report.damaged === 0);
    return report;
  } finally {
    if (scratch) removeQuietly(scratch);
    memzero(masterKey, recordsKey);
  }
}

/** When a note last changed, if its payload says so. */
const changedAt = z.object({ updatedAt: z.number() });

function openAndCount(file: string, vaultId: string, recordsKey: RecordsKey, createdAt: number): DrillReport {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const store = new RecordStore(db, vaultId, recordsKey);
    const kinds = (db.prepare('SELECT DISTINCT kind FROM heads').all() as { kind: string }[]).map((r) => r.kind);
    const revisions = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    const report: DrillReport = { createdAt, notes: 0, clients: 0, revisions, lastNoteAt: null, damaged: 0 };
    for (const kind of kinds) {
      // Any payload that opens counts: the drill proves the keys open every record, of any kind.
      const { records, damaged } = store.loadAll(recordType(kind, z.unknown(), 'record'));
      report.damaged += damaged.length;
      if (kind === 'note') {
        report.notes = records.length;
        for (const r of records) {
          const at = changedAt.safeParse(r.payload);
          if (at.success && (report.lastNoteAt === null || at.data.updatedAt > report.lastNoteAt)) report.lastNoteAt = at.data.updatedAt;
        }
      }
      if (kind === 'client') report.clients = records.length;
    }
    return report;
  } finally {
    db.close();
  }
}
