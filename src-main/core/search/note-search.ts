import type { SearchHit } from '../../../src-shared/contract/search';
import type { ClientsRepo } from '../clients/clients-repo';
import type { NotesRepo } from '../notes/notes-repo';
import { queryWords } from './fts-query';
import type { SearchIndex } from './search-index';
import { makeSnippet } from './snippet';

/**
 * search.query: note ids from the index, newest session first, then what a result row shows — the list entry,
 * the client's name, and a snippet cut from the note decrypted for it (only the hits shown are
 * decrypted). A note that fails to decrypt is left out, never shown, and the next match takes its
 * place: a page is short only at the end, which is how the search screen knows older matches are
 * left. `offset` counts the index's matches, so a page after one with a note left out starts a
 * match early (the screen drops the repeat) rather than one late.
 */
export function searchNotes(
  s: { search: SearchIndex; notes: NotesRepo; clients: ClientsRepo },
  text: string,
  options: { clientId?: string; limit: number; offset: number },
): SearchHit[] {
  const words = queryWords(text);
  const out: SearchHit[] = [];
  for (let offset = options.offset; out.length < options.limit; ) {
    const asked = options.limit - out.length;
    const ids = s.search.query(text, { clientId: options.clientId, limit: asked, offset });
    for (const noteId of ids) {
      const hit = hitOf(s, noteId, words);
      if (hit) out.push(hit);
    }
    if (ids.length < asked) break; // no older matches
    offset += ids.length;
  }
  return out;
}

/** What a result row shows of one match; null when the note is gone or fails to open. */
function hitOf(s: { notes: NotesRepo; clients: ClientsRepo }, noteId: string, words: string[]): SearchHit | null {
  const meta = s.notes.meta(noteId);
  if (!meta) return null;
  const clientName = meta.clientId ? s.clients.nameOf(meta.clientId) : undefined;
  let snippet: string;
  try {
    const doc = s.notes.docOf(noteId);
    snippet = makeSnippet([doc.content, doc.addenda, doc.title, clientName ?? ''], words);
  } catch {
    return null;
  }
  return {
    noteId,
    ...(meta.clientId ? { clientId: meta.clientId } : {}),
    ...(clientName ? { clientName } : {}),
    title: meta.title,
    snippet,
    kind: meta.kind,
    serviceDate: meta.serviceDate,
    signed: meta.signed,
  };
}
