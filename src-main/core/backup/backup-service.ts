import fs from 'node:fs';
import path from 'node:path';
import type { Output, ParsedInput } from '../../../src-shared/ipc';
import { serialQueue } from '../../../src-shared/serial-queue';
import { DRIVE_BACKUP_FOLDER, type Drives } from '../drives/drives';
import { chosenPlace } from '../files/chosen-place';
import type { FileHandles } from '../files/file-handles';
import type { SettingsInEffect } from '../settings/settings-in-effect';
import { readKeyFileBytes, type KeyFileReader } from '../vault/vault-credentials';
import type { BackupContext } from './backup-context';
import { createBackup } from './backup-create';
import { removeStaleScratch } from './backup-files';
import type { BackupCredentials } from './backup-keys';
import { listBackups } from './backup-list';
import { lastRestore, lastVerifiedBackup } from './backup-log';
import type { BackupTarget } from './backup-room';
import { verifyBackup } from './backup-verify';
import { BackupCredentialLimiter } from './credential-limiter';
import { drillBackup } from './drill';
import { restoreBackup } from './restore';

export interface BackupServiceContext extends BackupContext {
  readKeyFile: KeyFileReader;
  /** Every folder and file comes as a handle for what the user chose. */
  files: FileHandles;
  drives: Drives;
  settings: SettingsInEffect;
}

type WithCredentials = ParsedInput<'backup.restore'>;

/**
 * The backup feature's entry point: handlers/backup.ts maps each `backup.*` channel to one
 * method here. Jobs that read or write a whole vault run one at a time, and a password or
 * Recovery Key typed for a backup file waits behind the unlock screen's growing delay.
 */
export class BackupService {
  // Two restores, or a backup racing a restore, must never interleave.
  private readonly serial = serialQueue();
  private readonly limiter: BackupCredentialLimiter;

  constructor(private readonly ctx: BackupServiceContext) {
    this.limiter = new BackupCredentialLimiter(ctx.dataDir, ctx.now);
    // Only this process uses dataDir (single-instance lock), so any scratch left is stale.
    removeStaleScratch(ctx.dataDir);
  }

  /** Resolves only once the new file was read back and fully verified. */
  create({ folder, keep }: ParsedInput<'backup.create'>): Promise<Output<'backup.create'>> {
    return this.serial(async () => {
      const target = await this.target(this.ctx.files.resolve(folder, 'backup-folder'));
      const made = await createBackup(this.ctx, target, keep);
      // Remembered in main, so the next backup can go to the same folder without naming it again.
      if (this.ctx.settings.current().backupDir !== target.dir) this.ctx.settings.update({ backupDir: target.dir });
      return { ...made, handle: this.ctx.files.issue('backup-file', made.path), verified: true as const, drive: target.driveLabel };
    });
  }

  verify(input: ParsedInput<'backup.verify'>): Promise<Output<'backup.verify'>> {
    return this.serial(async () => {
      const file = this.backupFile(input.backup);
      const { parsed, sameVault } =
        'password' in input || 'recoveryKey' in input
          ? await this.limiter.run(() => verifyBackup(this.ctx, file, this.credentials(input)))
          : await verifyBackup(this.ctx, file);
      const { byKind, records } = parsed.header.counts;
      return {
        verified: true as const,
        vaultId: parsed.header.vaultId,
        sameVault,
        createdAt: parsed.header.createdAt,
        bytes: parsed.size,
        notes: byKind.note ?? 0,
        clients: byKind.client ?? 0,
        revisions: records,
        drive: (await this.ctx.drives.driveOf(file))?.label ?? null,
      };
    });
  }

  drill({ backup }: ParsedInput<'backup.drill'>): Promise<Output<'backup.drill'>> {
    return this.serial(() => drillBackup(this.ctx, this.backupFile(backup)));
  }

  restore(input: WithCredentials): Promise<Output<'backup.restore'>> {
    return this.serial(() => this.limiter.run(() => restoreBackup(this.ctx, this.backupFile(input.backup), this.credentials(input))));
  }

  /** The newest backup this vault verified, for the "back up soon" banner without the drive. */
  status(): Output<'backup.status'> {
    const { masterKey, header } = this.ctx.vault.unlocked();
    const last = lastVerifiedBackup(this.ctx.dataDir, masterKey, header.vaultId);
    return {
      lastVerifiedAt: last?.createdAt ?? null,
      lastVerified: last ? this.ctx.files.issue('backup-file', last.file) : null,
      restoredAt: lastRestore(this.ctx.dataDir, masterKey, header.vaultId),
      vaultCreatedAt: header.createdAt,
    };
  }

  list({ folder }: ParsedInput<'backup.list'>): Output<'backup.list'> {
    const listing = listBackups(this.ctx, this.ctx.files.resolve(folder, 'backup-folder'));
    return listing.map(({ path: file, ...rest }) => ({ ...rest, handle: this.ctx.files.issue('backup-file', file) }));
  }

  /** The folder the last backup went to, as a fresh choice, so the next one needs no naming. */
  async lastFolder(): Promise<Output<'backup.lastFolder'>> {
    this.ctx.vault.unlocked();
    const dir = this.ctx.settings.current().backupDir;
    // Only when it is there now: a folder on a stick that is not plugged in is no place to back up to.
    return { folder: dir && fs.existsSync(dir) ? await chosenPlace(this.ctx.files, this.ctx.drives, 'backup-folder', dir) : null };
  }

  private backupFile(handle: string): string {
    return this.ctx.files.resolve(handle, 'backup-file');
  }

  private credentials(input: WithCredentials): BackupCredentials {
    if ('recoveryKey' in input) return { recoveryKey: input.recoveryKey };
    const keyFile = this.ctx.files.resolveOptional(input.keyFile, 'key-file');
    return { password: input.password, keyFileBytes: readKeyFileBytes(this.ctx.readKeyFile, keyFile) };
  }

  /** Where a chosen folder is: its drive (for messages and the FAT32 limit), and whether it is that drive's own backup folder. */
  private async target(dir: string): Promise<BackupTarget> {
    const drive = await this.ctx.drives.driveOf(dir);
    const ownFolder = drive !== null && path.dirname(dir) === path.resolve(drive.mountPath) && path.basename(dir) === DRIVE_BACKUP_FOLDER;
    return { dir, driveLabel: drive?.label ?? null, fileSystem: drive?.fileSystem ?? null, createFolder: ownFolder };
  }
}
