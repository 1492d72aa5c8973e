import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_EXTENSION } from './backup-format';
import type { BackupContext } from './backup-context';
import { fileError } from './backup-files';
import { readBackupLog, type BackupLogEntry } from './backup-log';
import { readBackupHeader, type ParsedBackup } from './backup-reader';
import type { BackupFileState, BackupListing } from '../../../src-shared/contract/backup';

/** A backup file as core sees it: the contract's listing with the path (kept in main) instead of a handle. */
export type BackupFileInfo = Omit<BackupListing, 'handle'> & { path: string };

function parsedOrNull(file: string): ParsedBackup | null {
  try {
    return readBackupHeader(file);
  } catch {
    return null; // Listed as unreadable; verify says why.
  }
}

/**
 * What this vault knows of one file: only what it sealed in its backup log counts as proof. A
 * date or count read from the file alone is the plaintext header, which anyone with the drive can
 * edit: it is shown, labelled unverified, and never used to decide what rotation deletes.
 */
function stateOf(parsed: ParsedBackup | null, vaultId: string | null, entry: BackupLogEntry | undefined, size: number): BackupFileState {
  if (!parsed) return 'unreadable';
  if (parsed.header.vaultId !== vaultId) return 'other-vault';
  if (!entry) return 'not-verified';
  if (entry.fingerprint === null) return entry.verified ? 'recheck' : 'not-verified';
  if (entry.bytes !== size || entry.fingerprint !== parsed.fingerprint) return entry.verified ? 'changed' : 'failed';
  return entry.verified ? 'verified' : 'failed';
}

/** A damaged vault file must not hide the backups that would replace it. */
function vaultStatusOrAbsent(ctx: BackupContext): { state: string; vaultId: string | null } {
  try {
    return ctx.vault.status();
  } catch {
    return { state: 'absent', vaultId: null };
  }
}

/** Every .svbackup file in `dir`, newest first. Reads only the prefixes: fast, changes nothing. */
export function listBackups(ctx: BackupContext, dir: string): BackupFileInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith(BACKUP_EXTENSION));
  } catch (e) {
    throw fileError(e, 'backup folder');
  }
  const status = vaultStatusOrAbsent(ctx);
  const session = status.state === 'unlocked' ? ctx.vault.unlocked() : null;
  const log = session ? readBackupLog(ctx.dataDir, session.masterKey, session.header.vaultId).backups : [];
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
    const parsed = parsedOrNull(file);
    const header = parsed?.header ?? null;
    const entry = log.find((e) => e.file === file);
    const state = stateOf(parsed, status.vaultId, entry, stat.size);
    const sealed = state === 'verified' ? entry! : null;
    out.push({
      path: file,
      name,
      bytes: stat.size,
      createdAt: sealed?.createdAt ?? header?.createdAt ?? null,
      readable: parsed !== null,
      sameVault: header !== null && header.vaultId === status.vaultId,
      verified: state === 'verified',
      state,
      // The counts are covered by the fingerprint too: trusted exactly when the file is the verified one.
      detailsVerified: sealed !== null,
      checkedAt: entry?.checkedAt ?? null,
      notes: header ? (header.counts.byKind.note ?? 0) : null,
      clients: header ? (header.counts.byKind.client ?? 0) : null,
    });
  }
  const when = (b: BackupFileInfo) => b.createdAt ?? 0;
  return out.sort((a, b) => when(b) - when(a) || b.name.localeCompare(a.name));
}
