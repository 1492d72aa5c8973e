import type { SearchHit } from '../../../src-shared/contract/search';
import type { ClientsRepo } from '../clients/clients-repo';
import type { NotesRepo } from '../notes/notes-repo';
import { queryWords } from './fts-query';
import type { SearchIndex } from './search-index';
import { makeSnippet } from './snippet';

/**
 * search.query: ranked note ids from the index, then what a result row shows — the list entry,
 * the client's name, and a snippet cut from the note decrypted for it (only the hits shown are
 * decrypted). A note that fails to decrypt is left out, never shown.
 */
export function searchNotes(
  s: { search: SearchIndex; notes: NotesRepo; clients: ClientsRepo },
  text: string,
  options: { clientId?: string; limit: number },
): SearchHit[] {
  const words = queryWords(text);
  const out: SearchHit[] = [];
  for (const hit of s.search.query(text, options)) {
    const meta = s.notes.meta(hit.noteId);
    if (!meta) continue;
    let snippet: string;
    const clientName = meta.clientId ? s.clients.nameOf(meta.clientId) : undefined;
    try {
      const doc = s.notes.docOf(hit.noteId);
      snippet = makeSnippet([doc.content, doc.addenda, doc.title, clientName ?? ''], words);
    } catch {
      continue;
    }
    out.push({
      noteId: hit.noteId,
      ...(meta.clientId ? { clientId: meta.clientId } : {}),
      ...(clientName ? { clientName } : {}),
      title: meta.title,
      snippet,
      titleMatch: hit.titleMatch,
      score: hit.score,
      kind: meta.kind,
      serviceDate: meta.serviceDate,
      signed: meta.signed,
    });
  }
  return out;
}
