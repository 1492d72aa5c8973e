import { z } from 'zod';
import { chosenPlace, empty, fileHandle, password, type ChannelSpec } from './common';

/** Backups: create, verify, drill, restore, list (DESIGN §8, docs/backup-format.md). */

const count = z.number().int().min(0);
const recoveryKey = z.string().min(1).max(200);

/** Pushed as the `backup.progress` event while a backup, verify, drill or restore runs. */
export const backupProgress = z.object({
  phase: z.enum(['snapshot', 'encrypt', 'verify', 'decrypt', 'install']),
  done: count,
  total: count,
});

/**
 * Credentials a backup was made under: needed on a new computer or for a file from elsewhere.
 * `backup` is a 'backup-file' handle, `keyFile` a 'key-file' handle (contract/files.ts).
 */
const withCredentials = [
  z.object({ backup: fileHandle, password, keyFile: fileHandle.optional() }).strict(),
  z.object({ backup: fileHandle, recoveryKey }).strict(),
] as const;

/**
 * What this vault knows of a backup file in a folder:
 * `verified` — it proved it restores, and the file is byte for byte the one it checked (size,
 * authenticated prefix, stream header); `changed` — it was verified, but its bytes no longer match
 * what was sealed then; `recheck` — verified by an app version that kept no fingerprint: verify it
 * again; `failed` — it failed its last check; `not-verified` — never checked by this vault (or the
 * vault is locked); `other-vault`; `unreadable` — not a readable backup header.
 */
export const backupFileState = z.enum(['verified', 'changed', 'recheck', 'failed', 'not-verified', 'other-vault', 'unreadable']);

export const backupListing = z.object({
  /** A 'backup-file' handle for verify, drill and restore. */
  handle: fileHandle,
  name: z.string(),
  bytes: count,
  /**
   * When it was made: the time this vault sealed when it verified the file (`detailsVerified`), or
   * else the file's plaintext header, which anyone with the drive can edit. Null when unreadable.
   */
  createdAt: z.number().nullable(),
  readable: z.boolean(),
  /** A backup of the vault on this computer, by its header (proven only when `verified`). */
  sameVault: z.boolean(),
  /** Proven to restore by this vault and unchanged since; false when unknown (vault locked or absent). */
  verified: z.boolean(),
  state: backupFileState,
  /**
   * False when createdAt, notes and clients come from the unauthenticated header (shown before any
   * decryption): the UI labels them "unverified". True only for a verified, unchanged file.
   */
  detailsVerified: z.boolean(),
  checkedAt: z.number().nullable(),
  notes: count.nullable(),
  clients: count.nullable(),
});

export const backupContract = {
  /**
   * Needs an unlocked vault. `folder` is a 'backup-folder' handle. Resolves only after the file was
   * read back and fully verified under a temporary name, then renamed. DISK_FULL before anything is
   * written when the drive is known to be too small; IO_ERROR naming the drive when it is read-only
   * or was removed during the backup. The folder is remembered (`backup.lastFolder`).
   */
  'backup.create': {
    input: z.object({ folder: fileHandle, keep: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.object({
      path: z.string(),
      /** A 'backup-file' handle of the new backup. */
      handle: fileHandle,
      bytes: count,
      notes: count,
      createdAt: z.number(),
      verified: z.literal(true),
      /** Older verified backups removed by rotation (keep newest `keep`, default 10). */
      removed: z.array(z.string()),
      /** The label of the removable drive it went to, or null for this computer's own disks. */
      drive: z.string().nullable(),
    }),
  },
  /** With only a path: the unlocked vault's keys. With a password or recovery key: any backup file. */
  'backup.verify': {
    input: z.union([z.object({ backup: fileHandle }).strict(), ...withCredentials]),
    output: z.object({
      verified: z.literal(true),
      vaultId: z.string(),
      sameVault: z.boolean(),
      createdAt: z.number(),
      bytes: count,
      notes: count,
      clients: count,
      revisions: count,
      /** The label of the removable drive the backup is on, or null for this computer's own disks. */
      drive: z.string().nullable(),
    }),
  },
  /** Restores into a temporary folder with the vault's keys, opens it, counts, deletes the copy. */
  'backup.drill': {
    input: z.object({ backup: fileHandle }).strict(),
    output: z.object({
      createdAt: z.number(),
      notes: count,
      clients: count,
      revisions: count,
      lastNoteAt: z.number().nullable(),
      damaged: count,
    }),
  },
  /** Works with no vault (fresh install) or over one; the old vault is kept as `replacedFile`. Leaves the vault unlocked. */
  'backup.restore': {
    input: z.union(withCredentials),
    output: z.object({
      vaultId: z.string(),
      createdAt: z.number(),
      notes: count,
      clients: count,
      replacedFile: z.string().nullable(),
    }),
  },
  /**
   * For the "back up soon" banner without the drive plugged in (see backup-reminder.ts): the newest
   * backup this vault verified, when the vault was last restored from one, and when it was created.
   * Needs unlocked.
   */
  'backup.status': {
    input: empty,
    output: z.object({
      lastVerifiedAt: z.number().nullable(),
      /** A 'backup-file' handle of that backup (to drill it), or null. */
      lastVerified: fileHandle.nullable(),
      restoredAt: z.number().nullable(),
      vaultCreatedAt: z.number(),
    }),
  },
  /** Every .svbackup file in the folder (a 'backup-folder' handle), newest first. Works locked (then `verified` is false). */
  'backup.list': {
    input: z.object({ folder: fileHandle }).strict(),
    output: z.array(backupListing),
  },
  /** The folder the last backup went to, as a 'backup-folder' handle; null before the first, or while it is not there (drive unplugged). Needs unlocked. */
  'backup.lastFolder': {
    input: empty,
    output: z.object({ folder: chosenPlace.nullable() }),
  },
} as const satisfies Record<`backup.${string}`, ChannelSpec>;

export type BackupProgress = z.output<typeof backupProgress>;
export type BackupListing = z.output<typeof backupListing>;
export type BackupFileState = z.output<typeof backupFileState>;
