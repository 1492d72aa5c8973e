import fs from 'node:fs';
import path from 'node:path';
import type { BackupCredentials } from '../core/backup/backup-keys';
import type { BackupContext } from '../core/backup/backup-context';
import { createBackup } from '../core/backup/backup-create';
import { removeStaleScratch } from '../core/backup/backup-files';
import { listBackups } from '../core/backup/backup-list';
import { BackupCredentialLimiter } from '../core/backup/credential-limiter';
import { lastVerifiedBackup } from '../core/backup/backup-log';
import { verifyBackup } from '../core/backup/backup-verify';
import { drillBackup } from '../core/backup/drill';
import { restoreBackup } from '../core/backup/restore';
import type { BackupTarget } from '../core/backup/backup-room';
import { DRIVE_BACKUP_FOLDER } from '../core/drives/drives';
import { VaultError } from '../core/errors';
import type { FileHandles } from '../core/files/file-handles';
import { chosenPlace } from './files';
import type { HandlersFor, ServiceContext } from './types';

type CredentialInput = { password: string; keyFile?: string } | { recoveryKey: string };

function credentials(files: FileHandles, input: CredentialInput): BackupCredentials {
  if ('recoveryKey' in input) return { recoveryKey: input.recoveryKey };
  let keyFileBytes: Uint8Array | null = null;
  const keyFile = files.resolveOptional(input.keyFile, 'key-file');
  if (keyFile !== undefined) {
    try {
      keyFileBytes = fs.readFileSync(keyFile);
    } catch {
      throw new VaultError('IO_ERROR', 'The key file could not be read. Check that the drive holding it is connected.');
    }
  }
  return { password: input.password, keyFileBytes };
}

/** One backup job at a time: two restores, or a backup racing a restore, must never interleave. */
function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Where a chosen backup folder is: its drive (for messages and the FAT32 limit), and whether it is the drive's own backup folder. */
async function backupTarget({ drives }: ServiceContext, dir: string): Promise<BackupTarget> {
  const drive = await drives.driveOf(dir);
  const ownFolder = drive !== null && path.dirname(dir) === path.resolve(drive.mountPath) && path.basename(dir) === DRIVE_BACKUP_FOLDER;
  return { dir, driveLabel: drive?.label ?? null, fileSystem: drive?.fileSystem ?? null, createFolder: ownFolder };
}

export function backupHandlers(service: ServiceContext): HandlersFor<'backup'> {
  const { vault, dataDir, now, emit, files, settings } = service;
  const ctx: BackupContext = { vault, dataDir, now, onProgress: (p) => emit('backup.progress', p) };
  const serial = serialQueue();
  const limiter = new BackupCredentialLimiter(now);
  const backupFile = (handle: string) => files.resolve(handle, 'backup-file');
  removeStaleScratch(dataDir); // Only this process uses dataDir (single-instance lock), so any scratch left is stale.
  return {
    'backup.create': ({ folder, keep }) =>
      serial(async () => {
        const target = await backupTarget(service, files.resolve(folder, 'backup-folder'));
        const made = await createBackup(ctx, target, keep);
        // Remembered in main, so the next backup can go to the same folder without naming it again.
        if (settings.current().backupDir !== target.dir) settings.update({ backupDir: target.dir });
        return { ...made, handle: files.issue('backup-file', made.path), verified: true as const };
      }),
    'backup.verify': (input) =>
      serial(async () => {
        const file = backupFile(input.backup);
        const { parsed, sameVault } =
          'password' in input || 'recoveryKey' in input
            ? await limiter.run(() => verifyBackup(ctx, file, credentials(files, input)))
            : await verifyBackup(ctx, file);
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
        };
      }),
    'backup.drill': ({ backup }) => serial(() => drillBackup(ctx, backupFile(backup))),
    'backup.restore': (input) => serial(() => limiter.run(() => restoreBackup(ctx, backupFile(input.backup), credentials(files, input)))),
    'backup.status': () => {
      const session = vault.unlocked();
      const last = lastVerifiedBackup(dataDir, session.masterKey, session.header.vaultId);
      return { lastVerifiedAt: last?.createdAt ?? null, lastVerifiedPath: last?.file ?? null };
    },
    'backup.list': ({ folder }) => listBackups(ctx, files.resolve(folder, 'backup-folder')).map(({ path: file, ...listing }) => ({ ...listing, handle: files.issue('backup-file', file) })),
    'backup.lastFolder': async () => {
      vault.unlocked();
      const dir = settings.current().backupDir;
      // Only when it is there now: a folder on a stick that is not plugged in is no place to back up to.
      return { folder: dir && fs.existsSync(dir) ? await chosenPlace(service, 'backup-folder', dir) : null };
    },
  };
}
