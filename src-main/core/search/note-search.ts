import type { SearchHit } from '../../../src-shared/contract/search';
import type { ClientsRepo } from '../clients/clients-repo';
import type { NotesRepo } from '../notes/notes-repo';
import { queryWords } from './fts-query';
import type { SearchIndex } from './search-index';
import { makeSnippet } from './snippet';

/**
 * search.query: note ids from the index, newest session first, then what a result row shows — the list entry,
 * the client's name, and a snippet cut from the note decrypted for it (only the hits shown are
 * decrypted). A note that fails to decrypt is left out, never shown.
 */
export function searchNotes(
  s: { search: SearchIndex; notes: NotesRepo; clients: ClientsRepo },
  text: string,
  options: { clientId?: string; limit: number; offset: number },
): SearchHit[] {
  const words = queryWords(text);
  const out: SearchHit[] = [];
  for (const noteId of s.search.query(text, options)) {
    const meta = s.notes.meta(noteId);
    if (!meta) continue;
    let snippet: string;
    const clientName = meta.clientId ? s.clients.nameOf(meta.clientId) : undefined;
    try {
      const doc = s.notes.docOf(noteId);
      snippet = makeSnippet([doc.content, doc.addenda, doc.title, clientName ?? ''], words);
    } catch {
      continue;
    }
    out.push({
      noteId,
      ...(meta.clientId ? { clientId: meta.clientId } : {}),
      ...(clientName ? { clientName } : {}),
      title: meta.title,
      snippet,
      kind: meta.kind,
      serviceDate: meta.serviceDate,
      signed: meta.signed,
    });
  }
  return out;
}
