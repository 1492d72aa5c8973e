import { z } from 'zod';
import { empty, id, MAX_TEXT, rev, type ChannelSpec } from './common';

export const noteSummary = z.object({
  id,
  rev,
  title: z.string(),
  updatedAt: z.number(),
});

export const note = noteSummary.extend({
  body: z.string(),
  createdAt: z.number(),
});

export const notesContract = {
  'notes.list': { input: empty, output: z.array(noteSummary) },
  'notes.get': { input: z.object({ id }).strict(), output: note },
  'notes.create': {
    input: z.object({ title: z.string().max(1000), body: z.string().max(MAX_TEXT) }).strict(),
    output: z.object({ id, rev }),
  },
  'notes.update': {
    input: z.object({ id, baseRev: rev, title: z.string().max(1000), body: z.string().max(MAX_TEXT) }).strict(),
    output: z.object({ id, rev }),
  },
} as const satisfies Record<`notes.${string}`, ChannelSpec>;

export type NoteSummary = z.output<typeof noteSummary>;
export type Note = z.output<typeof note>;
