import path from 'node:path';
import { writeNewFile } from '../files/durable-files';
import { VaultError } from '../errors';

/**
 * Where a finished document goes. Exporters only ever call `write`: the destination is the one
 * parameter that a folder the user picked in the OS dialog (an opaque handle) replaces.
 */
export interface ExportDestination {
  /** Writes a new file (never replacing one) and returns its path. */
  write(baseName: string, ext: string, content: string | Uint8Array): string;
}

/** A folder the clinician named. Documents are written nowhere else, not even as a temp file elsewhere. */
export function folderDestination(dir: string): ExportDestination {
  if (!path.isAbsolute(dir)) throw new VaultError('INVALID_INPUT', 'Choose a folder for the export.');
  return { write: (baseName, ext, content) => writeNewFile(dir, baseName, ext, content) };
}
