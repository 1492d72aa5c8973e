import fs from 'node:fs';
import path from 'node:path';
import type { Drive, FilePurpose } from '../../../src-shared/contract/files';
import type { Output, ParsedInput } from '../../../src-shared/ipc';
import type { BackupContext } from '../backup/backup-context';
import { listBackups } from '../backup/backup-list';
import { reportDrive } from '../drives/drive-report';
import { estimateBackupBytes } from '../drives/drive-space';
import { DRIVE_BACKUP_FOLDER, type Drives } from '../drives/drives';
import { chosenPlace } from './chosen-place';
import { checkChosen, type FileChooser } from './file-chooser';
import type { FileHandles } from './file-handles';

export interface FilePlacesContext extends BackupContext {
  chooser: FileChooser;
  drives: Drives;
  files: FileHandles;
}

/**
 * The entry point for choosing places (handlers/files.ts): a file or folder the user picks
 * through the Shell's chooser, and the removable drives plugged in now with the backups on them.
 * Paths go back to the renderer only as handles.
 */
export class FilePlaces {
  constructor(private readonly ctx: FilePlacesContext) {}

  async choose({ purpose, typedPath }: ParsedInput<'files.choose'>): Promise<Output<'files.choose'>> {
    const { chooser, drives, files } = this.ctx;
    const picked = await chooser.choose({ purpose, typedPath, defaultPath: await this.defaultPath(purpose) });
    if (picked === null) return { chosen: null };
    return { chosen: await chosenPlace(files, drives, purpose, checkChosen(purpose, picked)) };
  }

  async drives(): Promise<Output<'drives.list'>> {
    const { chooser, drives, files, vault } = this.ctx;
    const backupBytes = estimateBackupBytes(vault.file); // null before any vault exists
    const out: Drive[] = [];
    for (const volume of await drives.volumes()) {
      const report = reportDrive(volume, { backupBytes, list: (dir) => listBackups(this.ctx, dir) });
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
  }

  /** Where the dialog opens: on the first plugged-in drive (its backup folder when there is one); else the Shell decides. */
  private async defaultPath(purpose: FilePurpose): Promise<string | undefined> {
    if (purpose === 'key-file') return undefined; // The key file belongs on another drive than the backups.
    const [first] = await this.ctx.drives.volumes();
    if (!first) return undefined;
    const backups = path.join(first.mountPath, DRIVE_BACKUP_FOLDER);
    return purpose !== 'export-folder' && fs.existsSync(backups) ? backups : first.mountPath;
  }
}
