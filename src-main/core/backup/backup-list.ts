import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_EXTENSION, type BackupHeader } from './backup-format';
import type { BackupContext } from './backup-context';
import { fileError } from './backup-files';
import { readBackupLog } from './backup-log';
import { readBackupHeader } from './backup-reader';
import type { BackupListing } from '../../../src-shared/contract/backup';

/** A backup file as core sees it: the contract's listing with the path (kept in main) instead of a handle. */
export type BackupFileInfo = Omit<BackupListing, 'handle'> & { path: string };

function headerOrNull(file: string): BackupHeader | null {
  try {
    return readBackupHeader(file).header;
  } catch {
    return null; // Listed as unreadable; verify says why.
  }
}

/** A damaged vault file must not hide the backups that would replace it. */
function vaultStatusOrAbsent(ctx: BackupContext): { state: string; vaultId: string | null } {
  try {
    return ctx.vault.status();
  } catch {
    return { state: 'absent', vaultId: null };
  }
}

/** Every .svbackup file in `dir`, newest first. Reads only the plaintext headers: fast, changes nothing. */
export function listBackups(ctx: BackupContext, dir: string): BackupFileInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith(BACKUP_EXTENSION));
  } catch (e) {
    throw fileError(e, 'backup folder');
  }
  const status = vaultStatusOrAbsent(ctx);
  const session = status.state === 'unlocked' ? ctx.vault.unlocked() : null;
  const log = session ? readBackupLog(ctx.dataDir, session.masterKey, session.header.vaultId) : [];
  const out: BackupFileInfo[] = [];
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
  const when = (b: BackupFileInfo) => b.createdAt ?? 0;
  return out.sort((a, b) => when(b) - when(a) || b.name.localeCompare(a.name));
}
