import { z } from 'zod';
import { fileHandle, id, type ChannelSpec } from './common';
import { isoDate } from './notes';

/** Incident records (a lost laptop, a wrong recipient…), kept encrypted in the vault. */
export const incident = z.object({
  id: z.string(),
  date: isoDate,
  whatHappened: z.string(),
  whatWasDone: z.string(),
  createdAt: z.number(),
});

export const incidentContract = {
  /** Newest first. */
  'incident.list': { input: z.object({}).strict(), output: z.array(incident) },
  'incident.create': {
    input: z
      .object({
        date: isoDate,
        whatHappened: z.string().trim().min(1, 'Say what happened.').max(20_000),
        whatWasDone: z.string().trim().max(20_000),
      })
      .strict(),
    output: incident,
  },
  /** Writes the record as a small HTML file in `folder` (an 'export-folder' handle; a new name, nothing is replaced). IO_ERROR if the folder is missing. */
  'incident.export': { input: z.object({ id, folder: fileHandle }).strict(), output: z.object({ path: z.string() }) },
} as const satisfies Record<`incident.${string}`, ChannelSpec>;

export type Incident = z.output<typeof incident>;
