import { useApp } from '../store';
import { flushDraft, focusNoteTitle, newNote, openNote } from './notes';
import { focusSearch } from './search';
import { lockNow } from './session';

/** The notes Alt+Up/Down steps through: the Notes list, in its order. */
export function listedNotes() {
  return useApp.getState().notes.filter((n) => n.trashedAt === undefined);
}

async function stepNote(delta: 1 | -1): Promise<void> {
  const notes = listedNotes();
  if (notes.length === 0) return;
  const at = notes.findIndex((n) => n.id === useApp.getState().draft?.id);
  const next = notes[at < 0 ? 0 : Math.min(notes.length - 1, Math.max(0, at + delta))]!;
  useApp.setState({ view: 'notes' });
  await openNote(next.id);
}

export async function startNote(): Promise<void> {
  const { view, clientId, custodianMode } = useApp.getState();
  if (custodianMode) return; // Read-only: there is nothing a new note could be saved into.
  await newNote(view === 'clients' && clientId ? { clientId } : {});
  useApp.setState({ view: 'notes' });
  focusNoteTitle();
}

/** App-wide keys while unlocked: Ctrl+N new note, Ctrl+K/F search, Ctrl+L lock, Ctrl+S save, Alt+Up/Down next note. */
export function handleShortcut(e: KeyboardEvent): void {
  if (useApp.getState().phase !== 'ready') return;
  if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    e.preventDefault();
    void stepNote(e.key === 'ArrowDown' ? 1 : -1);
    return;
  }
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const key = e.key.toLowerCase();
  const actions: Record<string, () => void> = {
    l: () => void lockNow(),
    n: () => void startNote(),
    k: focusSearch,
    f: focusSearch,
    s: () => void flushDraft(),
  };
  const action = actions[key];
  if (!action) return;
  e.preventDefault();
  action();
}
