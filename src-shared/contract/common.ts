import { z } from 'zod';

/** Schema pieces shared by every channel group. */

// Generous but bounded: 1 MB of text is ~150,000 words; anything larger is a paste accident.
export const MAX_TEXT = 1_000_000;
export const password = z.string().min(1, 'Enter a password.').max(1024);
export const id = z.string().regex(/^[a-z0-9-]{8,64}$/, 'Not a valid id.');
export const filePath = z.string().min(1).max(4096);
/** A file or folder the user chose (contract/files.ts): random, issued by main; a path is refused here. */
export const fileHandle = z.string().regex(/^fh_[0-9a-f]{32}$/, 'Choose the file or folder again.');
/** Something the user chose: its handle plus what to show (a name, never the full path). */
export const chosenPlace = z.object({
  handle: fileHandle,
  /** The file or folder name. */
  name: z.string(),
  /** The label of the removable drive it is on, or null for this computer's own disks. */
  drive: z.string().nullable(),
});
export type ChosenPlace = z.output<typeof chosenPlace>;
export const rev = z.number().int().min(1);
export const empty = z.object({}).strict();

/** What every contract entry looks like. */
export type ChannelSpec = { input: z.ZodType; output: z.ZodType };
