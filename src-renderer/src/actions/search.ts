import type { SearchHit } from '../../../src-shared/ipc';
import { api, call } from './bridge';
import { useApp } from '../store';
import { focusNoteTitle, openNote } from './notes';

export function searchNotes(text: string, clientId?: string): Promise<SearchHit[]> {
  return call(api().search.query({ text, limit: 50, ...(clientId ? { clientId } : {}) }));
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
