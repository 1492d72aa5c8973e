import fs from 'node:fs';
import path from 'node:path';
import type { FilePurpose } from '../../../src-shared/contract/files';
import { VaultError } from '../errors';

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
 * before a handle is issued for it. Messages never repeat the path.
 */
export function checkChosen(purpose: FilePurpose, chosen: string): string {
  if (!path.isAbsolute(chosen)) throw new VaultError('INVALID_INPUT', 'Give the full path, starting from the drive.');
  const folder = isFolderPurpose(purpose);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(chosen);
  } catch {
    throw new VaultError('INVALID_INPUT', folder ? 'No folder was found there. Choose an existing folder.' : 'No file was found there. Choose an existing file.');
  }
  if (folder && !stat.isDirectory()) throw new VaultError('INVALID_INPUT', 'That is a file, not a folder. Choose a folder.');
  if (!folder && !stat.isFile()) throw new VaultError('INVALID_INPUT', 'That is not a file. Choose a file.');
  return path.resolve(chosen);
}
