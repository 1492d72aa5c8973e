import fs from 'node:fs';
import path from 'node:path';
import type { ChosenPlace } from '../../src-shared/contract/common';
import type { Drive, FilePurpose } from '../../src-shared/contract/files';
import { listBackups } from '../core/backup/backup-list';
import { reportDrive } from '../core/drives/drive-report';
import { estimateBackupBytes } from '../core/drives/drive-space';
import { DRIVE_BACKUP_FOLDER } from '../core/drives/drives';
import { checkChosen } from '../core/files/file-chooser';
import type { HandlersFor, ServiceContext } from './types';

/** A handle for what the user chose, with the name and drive to show (never the full path). */
export async function chosenPlace(ctx: ServiceContext, purpose: FilePurpose, file: string): Promise<ChosenPlace> {
  const drive = await ctx.drives.driveOf(file);
  return { handle: ctx.files.issue(purpose, file), name: path.basename(file) || drive?.label || file, drive: drive?.label ?? null };
}

/** Where the dialog opens: on the first plugged-in drive (its backup folder when there is one); else the Shell decides. */
async function defaultPath(ctx: ServiceContext, purpose: FilePurpose): Promise<string | undefined> {
  if (purpose === 'key-file') return undefined; // The key file belongs on another drive than the backups.
  const [first] = await ctx.drives.volumes();
  if (!first) return undefined;
  const backups = path.join(first.mountPath, DRIVE_BACKUP_FOLDER);
  return purpose !== 'export-folder' && fs.existsSync(backups) ? backups : first.mountPath;
}

export function filesHandlers(ctx: ServiceContext): HandlersFor<'files'> & HandlersFor<'drives'> {
  const { chooser, drives, files, vault } = ctx;
  const backupCtx = { vault, dataDir: ctx.dataDir, now: ctx.now };
  return {
    'files.choose': async ({ purpose, typedPath }) => {
      const picked = await chooser.choose({ purpose, typedPath, defaultPath: await defaultPath(ctx, purpose) });
      if (picked === null) return { chosen: null };
      return { chosen: await chosenPlace(ctx, purpose, checkChosen(purpose, picked)) };
    },
    'drives.list': async () => {
      const backupBytes = estimateBackupBytes(vault.file); // null before any vault exists
      const out: Drive[] = [];
      for (const volume of await drives.volumes()) {
        const report = reportDrive(volume, { backupBytes, list: (dir) => listBackups(backupCtx, dir) });
        if (!report) continue;
        const exportFolder = files.issue('export-folder', volume.mountPath);
        out.push({
          id: exportFolder,
          label: volume.label,
          fileSystem: volume.fileSystem,
          freeBytes: report.freeBytes,
          totalBytes: report.totalBytes,
          readOnly: volume.readOnly,
          warning: report.warning,
          backupFolder: files.issue('backup-folder', report.backupFolder),
          exportFolder,
          backups: report.backups.map(({ path: file, ...listing }) => ({ ...listing, handle: files.issue('backup-file', file) })),
        });
      }
      return { chooser: chooser.kind, drives: out };
    },
  };
}
