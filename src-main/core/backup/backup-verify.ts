import path from 'node:path';
import { copyKey, type MasterKey } from '../crypto/keys';
import { memzero } from '../crypto/sodium';
import { VaultError } from '../errors';
import { masterKeyFromBackup, type BackupCredentials } from './backup-keys';
import { phaseReporter, type BackupContext } from './backup-context';
import { privateTempDir, removeQuietly } from './backup-files';
import { recordBackupCheck } from './backup-log';
import { decryptBackup, readBackupHeader, type ParsedBackup } from './backup-reader';
import { fileSink, sameAsSink } from './plain-sinks';
import { checkSnapshot } from './snapshot';

/**
 * Decrypts the whole file into `scratchFile` and checks the result is a healthy vault with the
 * promised counts. Leaves the decrypted copy for the caller (restore installs it, drill opens it).
 * Only restore asks for `durable`: a copy that is checked and deleted needs no fsync.
 */
export async function decryptAndCheck(
  ctx: BackupContext,
  file: string,
  parsed: ParsedBackup,
  masterKey: MasterKey,
  scratchFile: string,
  o: { phase: 'verify' | 'decrypt'; durable: boolean },
): Promise<void> {
  await decryptBackup(file, parsed, masterKey, () => fileSink(scratchFile, { durable: o.durable }), phaseReporter(ctx, o.phase));
  checkSnapshot(scratchFile, parsed.header);
}

/**
 * Create's read-back: decrypts every chunk of the file just written and compares it, byte for
 * byte, with the snapshot it was written from, then checks that snapshot (integrity_check,
 * vault id, counts). The same checks as decryptAndCheck on the same bytes, without writing a
 * second copy of the vault to disk.
 */
export async function readBackAndCheck(ctx: BackupContext, file: string, parsed: ParsedBackup, masterKey: MasterKey, snapshotFile: string): Promise<void> {
  await decryptBackup(file, parsed, masterKey, () => sameAsSink(snapshotFile), phaseReporter(ctx, 'verify'));
  // Proven equal to the decrypted backup just above, and only this process writes the private scratch folder it is in.
  checkSnapshot(snapshotFile, parsed.header);
}

export const wrongVault = () =>
  new VaultError('BACKUP_WRONG_VAULT', 'This backup belongs to a different vault. To use it, restore it with its own password or Recovery Key.');

export interface VerifiedBackup {
  parsed: ParsedBackup;
  sameVault: boolean;
}

/**
 * Proves a backup file restores, without touching the vault: with the open vault's keys, or with
 * the password or Recovery Key the backup was made under (a file from another computer).
 */
export async function verifyBackup(ctx: BackupContext, file: string, credentials?: BackupCredentials): Promise<VerifiedBackup> {
  const parsed = readBackupHeader(file);
  const current = credentials ? null : ctx.vault.unlocked();
  if (current && parsed.header.vaultId !== current.header.vaultId) throw wrongVault();
  const masterKey: MasterKey = current ? copyKey(current.masterKey) : await masterKeyFromBackup(parsed.header, credentials!);
  const scratch = privateTempDir(ctx.dataDir);
  try {
    await decryptAndCheck(ctx, file, parsed, masterKey, path.join(scratch, 'check.db'), { phase: 'verify', durable: false });
    if (current) recordCheck(ctx, masterKey, file, parsed, true);
    return { parsed, sameVault: ctx.vault.status().vaultId === parsed.header.vaultId };
  } catch (e) {
    if (current) recordCheck(ctx, masterKey, file, parsed, false);
    throw e;
  } finally {
    removeQuietly(scratch);
    memzero(masterKey);
  }
}

/** Notes the outcome in the sealed backup log (feeds the "verified" badge and rotation). */
export function recordCheck(ctx: BackupContext, masterKey: MasterKey, file: string, parsed: ParsedBackup, verified: boolean, restoredAt?: number): void {
  // The prefix is authenticated by now (associated data of the chunks), so its date is sealed as the backup's own.
  const entry = {
    file: path.resolve(file),
    bytes: parsed.size,
    createdAt: parsed.header.createdAt,
    checkedAt: ctx.now(),
    verified,
    fingerprint: parsed.fingerprint,
    ...(restoredAt !== undefined ? { restoredAt } : {}),
  };
  try {
    recordBackupCheck(ctx.dataDir, masterKey, parsed.header.vaultId, entry);
  } catch {
    // The log only feeds the "verified" badge; failing to update it must not hide the result.
  }
}
