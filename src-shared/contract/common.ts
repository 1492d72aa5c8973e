import { z } from 'zod';

/** Schema pieces shared by every channel group. */

// Generous but bounded: 1 MB of text is ~150,000 words; anything larger is a paste accident.
export const MAX_TEXT = 1_000_000;
export const password = z.string().min(1, 'Enter a password.').max(1024);
export const id = z.string().regex(/^[a-z0-9-]{8,64}$/, 'Not a valid id.');
export const filePath = z.string().min(1).max(4096);
export const rev = z.number().int().min(1);
export const empty = z.object({}).strict();

/** What every contract entry looks like. */
export type ChannelSpec = { input: z.ZodType; output: z.ZodType };
