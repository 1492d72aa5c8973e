import path from 'node:path';
import type { ChosenPlace } from '../../../src-shared/contract/common';
import type { FilePurpose } from '../../../src-shared/contract/files';
import type { Drives } from '../drives/drives';
import type { FileHandles } from './file-handles';

/** A handle for what the user chose, with the name and drive to show (never the full path). */
export async function chosenPlace(files: FileHandles, drives: Drives, purpose: FilePurpose, file: string): Promise<ChosenPlace> {
  const drive = await drives.driveOf(file);
  return { handle: files.issue(purpose, file), name: path.basename(file) || drive?.label || file, drive: drive?.label ?? null };
}
