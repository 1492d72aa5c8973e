import type { SearchHit } from '../../../src-shared/ipc';
import { api, call } from './bridge';
import { useApp } from '../store';
import { focusNoteTitle, openNote } from './notes';

/** Matches shown at a time; the search screen asks for older ones a page at a time. */
const SEARCH_PAGE = 50;

/**
 * A page of matches, newest session first, from `offset` on; `more` when older ones are left, and
 * the offset to ask them from. The next page may repeat a match of this one (when a note that no
 * longer opens was left out of it): the screen drops repeats.
 */
export async function searchNotes(text: string, clientId: string | undefined, offset = 0): Promise<{ hits: SearchHit[]; more: boolean; next: number }> {
  // One more than a page: whether it comes back says if there is another page.
  const hits = await call(api().search.query({ text, limit: SEARCH_PAGE + 1, offset, ...(clientId ? { clientId } : {}) }));
  const page = hits.slice(0, SEARCH_PAGE);
  return { hits: page, more: hits.length > SEARCH_PAGE, next: offset + page.length };
}

export async function openSearchHit(hit: SearchHit): Promise<void> {
  await openNote(hit.noteId);
  useApp.setState({ view: 'notes' });
  focusNoteTitle();
}

/** Ctrl+K / Ctrl+F: go to search and put the caret in the box. */
export function focusSearch(): void {
  useApp.setState({ view: 'search' });
  requestAnimationFrame(() => document.getElementById('search-text')?.focus());
}
