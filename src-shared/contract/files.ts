import { z } from 'zod';
import { chosenPlace, empty, fileHandle, filePath, type ChannelSpec } from './common';
import { backupListing } from './backup';

/**
 * Files and folders through the Shell (DESIGN §11): the user chooses with the OS dialog (or, in
 * the preview, from the drive list or a typed path); main keeps the path and gives the renderer
 * an opaque handle for exactly one purpose. Every channel that reads or writes a file the user
 * named takes such a handle, never a path.
 */

/** What a chosen file or folder may be used for. A handle serves exactly the purpose it was chosen for. */
export const FILE_PURPOSES = ['backup-folder', 'backup-file', 'key-file', 'export-folder'] as const;
export const filePurpose = z.enum(FILE_PURPOSES);
export type FilePurpose = z.output<typeof filePurpose>;

const bytes = z.number().int().min(0);

/** A removable drive plugged in now (USB stick, SD card, external disk). */
export const drive = z.object({
  /** Stable while the drive stays plugged in (for lists). */
  id: z.string(),
  /** The volume label ("KINGSTON"), or its mount folder's name when it has none. */
  label: z.string(),
  /** As the OS names it: FAT32, exFAT, NTFS, APFS, Mac OS Extended, ext4… */
  fileSystem: z.string(),
  freeBytes: bytes,
  totalBytes: bytes,
  readOnly: z.boolean(),
  /** Something to act on before backing up here (FAT32 near its 4 GB file limit), else null. */
  warning: z.string().nullable(),
  /** `SessionVault Backups/` on the drive (made at the first backup there). */
  backupFolder: fileHandle,
  /** The drive's top folder, for exports. */
  exportFolder: fileHandle,
  /**
   * SessionVault backups in the drive's top folder and in `SessionVault Backups/`, newest first.
   * `verified` is known only while the vault is unlocked ("not checked yet" otherwise).
   */
  backups: z.array(backupListing),
});

export const filesContract = {
  /**
   * Asks the user for a file or folder: the OS dialog in the app. In the preview (no OS dialog)
   * `typedPath` is what the user typed; the app's dialog ignores it. `chosen` is null when the
   * user cancelled. INVALID_INPUT when the typed path is not usable for the purpose.
   */
  'files.choose': {
    input: z.object({ purpose: filePurpose, typedPath: filePath.optional() }).strict(),
    output: z.object({ chosen: chosenPlace.nullable() }),
  },
  /**
   * Removable drives plugged in now, with the backups on them. Works locked and before any vault
   * exists (first-run restore). Cheap enough to poll every few seconds while a screen needs it.
   * `chooser` says whether `files.choose` opens the OS dialog or needs a typed path (preview).
   */
  'drives.list': {
    input: empty,
    output: z.object({ chooser: z.enum(['dialog', 'typed']), drives: z.array(drive) }),
  },
} as const satisfies Record<`files.${string}` | `drives.${string}`, ChannelSpec>;

export type Drive = z.output<typeof drive>;
