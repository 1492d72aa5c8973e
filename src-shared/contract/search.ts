import { z } from 'zod';
import { id, type ChannelSpec } from './common';
import { isoDate, noteKind } from './notes';

/**
 * Snippets mark each hit between these two control characters (never present in indexed text),
 * so the UI can highlight without ever interpreting note text as HTML.
 */
export const SNIPPET_HIT_START = '\u0002';
export const SNIPPET_HIT_END = '\u0003';

export const searchHit = z.object({
  noteId: id,
  clientId: id.optional(),
  clientName: z.string().optional(),
  title: z.string(),
  /** ~16 words around the best match, hits wrapped in SNIPPET_HIT_START/END. */
  snippet: z.string(),
  kind: noteKind,
  serviceDate: isoDate,
  signed: z.boolean(),
});

export const searchContract = {
  /**
   * Full-text search over titles, sections, body, addenda and client names of notes not in the
   * trash. Any text is safe: words are matched literally, the last one as a prefix from its third
   * letter; common words ("the", "and") are not searched. Blank -> []. Newest session first (keep
   * the order given); `offset` skips that many matches, for the next page.
   */
  'search.query': {
    input: z
      .object({
        text: z.string().max(500, 'Too long (the limit is 500 characters).'),
        clientId: id.optional(),
        limit: z.number().int().min(1).max(200).default(20),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
    output: z.array(searchHit),
  },
} as const satisfies Record<`search.${string}`, ChannelSpec>;

export type SearchHit = z.output<typeof searchHit>;

/** Splits a snippet into plain and highlighted parts for rendering as text nodes. */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let hit = false;
  let text = '';
  for (const ch of snippet) {
    if (ch === SNIPPET_HIT_START || ch === SNIPPET_HIT_END) {
      if (text) parts.push({ text, hit });
      text = '';
      hit = ch === SNIPPET_HIT_START;
    } else text += ch;
  }
  if (text) parts.push({ text, hit });
  return parts;
}
