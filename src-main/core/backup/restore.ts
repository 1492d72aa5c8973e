import path from 'node:path';
import { memzero } from '../crypto/sodium';
import { masterKeyFromBackup, type BackupCredentials } from './backup-keys';
import type { BackupContext } from './backup-context';
import { fileError, privateTempDir, removeQuietly } from './backup-files';
import { fsyncDir } from '../files/durable-files';
import { readBackupHeader } from './backup-reader';
import { decryptAndCheck, recordCheck } from './backup-verify';

export interface RestoredVault {
  vaultId: string;
  createdAt: number;
  notes: number;
  clients: number;
  /** Where the vault that was on this computer now is, or null on a fresh install. */
  replacedFile: string | null;
}

/**
 * Restores a backup with the credentials it was made under: decrypt into a private scratch
 * folder beside the vault, prove it (every chunk, FINAL, integrity_check, counts), and only then
 * swap it in. Any failure before the swap leaves the current vault exactly as it was.
 */
export async function restoreBackup(ctx: BackupContext, file: string, credentials: BackupCredentials): Promise<RestoredVault> {
  const parsed = readBackupHeader(file);
  const masterKey = await masterKeyFromBackup(parsed.header, credentials);
  let scratch: string | undefined;
  let installed = false;
  try {
    scratch = privateTempDir(ctx.dataDir);
    const restored = path.join(scratch, 'vault.db');
    await decryptAndCheck(ctx, file, parsed, masterKey, restored, { phase: 'decrypt', durable: true });
    ctx.onProgress?.({ phase: 'install', done: 0, total: 1 });
    let replacedFile: string | null;
    try {
      ({ replacedFile } = ctx.vault.installRestoredVault(restored, masterKey));
    } catch (e) {
      throw fileError(e, 'data folder');
    }
    installed = true; // The session now owns the master key.
    fsyncDir(ctx.dataDir); // Make both renames (old vault aside, restored one in) survive a power cut.
    // The backup was just proven in full and the vault now equals it: it counts as the last verified
    // backup, as of now, so the reminder does not sound right after a restore.
    recordCheck(ctx, masterKey, file, parsed, true, ctx.now());
    ctx.onProgress?.({ phase: 'install', done: 1, total: 1 });
    const { byKind } = parsed.header.counts;
    return { vaultId: parsed.header.vaultId, createdAt: parsed.header.createdAt, notes: byKind.note ?? 0, clients: byKind.client ?? 0, replacedFile };
  } finally {
    if (scratch) removeQuietly(scratch);
    if (!installed) memzero(masterKey);
  }
}
