import fs from 'node:fs';
import path from 'node:path';
import type { FilePurpose } from '../../../src-shared/contract/files';
import { looksLikeBackup, NOT_A_BACKUP } from '../backup/backup-reader';
import { VaultError } from '../errors';
import { MAX_KEY_FILE_BYTES, NOT_A_KEY_FILE } from './key-file';

/** What the service asks the Shell (or the preview) for. */
export interface ChooseRequest {
  purpose: FilePurpose;
  /** Where the dialog opens (the plugged-in drive); undefined lets the Shell pick (Documents for exports). */
  defaultPath?: string;
  /** Preview only: the path the user typed. An OS dialog ignores it (the renderer must not name paths). */
  typedPath?: string;
}

/**
 * The port through which the user chooses a file or folder. The Electron Shell implements it with
 * the OS dialogs (src-main/electron/file-dialogs.ts); the preview and the test harness with the
 * drive list plus a typed path (src-main/dev/typed-path-chooser.ts). Core never imports either.
 */
export interface FileChooser {
  /** `dialog`: the OS asks the user. `typed`: the renderer shows the drive list and a path field. */
  readonly kind: 'dialog' | 'typed';
  /** The chosen absolute path, or null when the user cancelled. */
  choose(request: ChooseRequest): Promise<string | null>;
}

const FOLDER_PURPOSES: ReadonlySet<FilePurpose> = new Set(['backup-folder', 'export-folder']);

export function isFolderPurpose(purpose: FilePurpose): boolean {
  return FOLDER_PURPOSES.has(purpose);
}

/**
 * Whatever the chooser returned must be an existing folder (or file) of the kind the purpose needs,
 * before a handle is issued for it. One answer per purpose for everything that does not qualify —
 * missing, another kind of file, a device — so a typed path (the preview) cannot be used to learn
 * whether some file exists or what it is. Messages never repeat the path.
 */
export function checkChosen(purpose: FilePurpose, chosen: string): string {
  if (!path.isAbsolute(chosen)) throw new VaultError('INVALID_INPUT', 'Give the full path, starting from the drive.');
  const fits =
    purpose === 'backup-file' ? looksLikeBackup(chosen) : purpose === 'key-file' ? isKeyFileSized(chosen) : isFolder(chosen);
  if (!fits) throw new VaultError('INVALID_INPUT', UNFIT[purpose]);
  return path.resolve(chosen);
}

const UNFIT: Record<FilePurpose, string> = {
  'backup-folder': 'No folder was found there. Choose an existing folder.',
  'export-folder': 'No folder was found there. Choose an existing folder.',
  'backup-file': NOT_A_BACKUP,
  'key-file': NOT_A_KEY_FILE,
};

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isKeyFileSized(p: string): boolean {
  try {
    const stat = fs.statSync(p);
    return stat.isFile() && stat.size <= MAX_KEY_FILE_BYTES;
  } catch {
    return false;
  }
}
