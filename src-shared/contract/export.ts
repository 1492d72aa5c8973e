import { z } from 'zod';
import { fileHandle, id, type ChannelSpec } from './common';

/**
 * Records-request export (HIPAA §164.524): one client's record as a printable file, without
 * psychotherapy notes, into `folder` (an 'export-folder' handle). Failures: NOT_FOUND (no such client), IO_ERROR (folder missing or not
 * writable), DISK_FULL, INVALID_INPUT for `pdf` where PDF printing is not available (use `html`).
 */
export const exportContract = {
  'export.client': {
    input: z.object({ clientId: id, format: z.enum(['html', 'pdf']).default('html'), folder: fileHandle }).strict(),
    output: z.object({
      /** The written file (a new name; an existing file is never replaced). */
      path: z.string(),
      /** Notes in the export. */
      notes: z.number().int().min(0),
      /** Psychotherapy notes left out (for the clinician's eyes; the file itself gives no count). */
      excludedPsychotherapy: z.number().int().min(0),
      /** Notes in the trash, left out. */
      excludedTrashed: z.number().int().min(0),
    }),
  },
} as const satisfies Record<`export.${string}`, ChannelSpec>;
