import { z } from 'zod';
import { empty, type ChannelSpec } from './common';

/** Renderer -> main signals that keep the auto-lock honest and let a lock wait for the draft. */
export const sessionContract = {
  /** The user typed, clicked or pressed "Stay unlocked": resets the idle timer, cancels a warning. */
  'session.activity': { input: empty, output: empty },
  /** Answer to the `flush.request` event: `saved` says whether the current draft reached the vault. */
  'session.flushDone': {
    input: z.object({ requestId: z.string().min(1).max(100), saved: z.boolean() }).strict(),
    output: empty,
  },
  /** The user copied text out of a note: main clears the clipboard later if it still holds it. */
  'session.copied': { input: empty, output: empty },
  /** What this computer offers: `spellCheck` is false where it would need a download (Linux; spellcheck.ts). Works locked. */
  'session.capabilities': { input: empty, output: z.object({ spellCheck: z.boolean() }) },
} as const satisfies Record<`session.${string}`, ChannelSpec>;
