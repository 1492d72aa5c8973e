import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_EXTENSION, type BackupHeader } from './backup-format';
import type { BackupContext } from './backup-context';
import { fileError } from './backup-files';
import { readBackupLog } from './backup-log';
import { readBackupHeader } from './backup-reader';
import type { BackupListing } from '../../../src-shared/contract/backup';

export type { BackupListing };

function headerOrNull(file: string): BackupHeader | null {
  try {
    return readBackupHeader(file).header;
  } catch {
    return null; // Listed as unreadable; verify says why.
  }
}

/** Every .svbackup file in `dir`, newest first. Reads only the plaintext headers: fast, changes nothing. */
export function listBackups(ctx: BackupContext, dir: string): BackupListing[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith(BACKUP_EXTENSION));
  } catch (e) {
    throw fileError(e, 'backup folder');
  }
  const status = ctx.vault.status();
  const session = status.state === 'unlocked' ? ctx.vault.unlocked() : null;
  const log = session ? readBackupLog(ctx.dataDir, session.masterKey, session.header.vaultId) : [];
  const out: BackupListing[] = [];
  for (const name of names) {
    const file = path.resolve(dir, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue; // Gone between readdir and stat.
    }
    if (!stat.isFile()) continue;
    const header = headerOrNull(file);
    const entry = log.find((e) => e.file === file && e.bytes === stat.size);
    out.push({
      path: file,
      name,
      bytes: stat.size,
      createdAt: header?.createdAt ?? null,
      readable: header !== null,
      sameVault: header !== null && header.vaultId === status.vaultId,
      verified: header !== null && entry?.verified === true,
      checkedAt: entry?.checkedAt ?? null,
      notes: header ? (header.counts.byKind.note ?? 0) : null,
      clients: header ? (header.counts.byKind.client ?? 0) : null,
    });
  }
  const when = (b: BackupListing) => b.createdAt ?? 0;
  return out.sort((a, b) => when(b) - when(a) || b.name.localeCompare(a.name));
}
