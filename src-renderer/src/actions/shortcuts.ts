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
  const { view, clientId } = useApp.getState();
  await newNote(view === 'clients' && clientId ? { clientId } : {});
  useApp.setState({ view: 'notes' });
  focusNoteTitle();
}

/** Every shortcut, as the "?" overlay lists it; handleShortcut below is the one place that acts on them. */
export const SHORTCUTS: { keys: string; does: string }[] = [
  { keys: 'Ctrl+N', does: 'New note (for the client whose record is open)' },
  { keys: 'Ctrl+S', does: 'Save the note now (it also saves by itself as you type)' },
  { keys: 'Ctrl+K or Ctrl+F', does: 'Search notes' },
  { keys: 'Alt+Down / Alt+Up', does: 'Next / previous note in the list' },
  { keys: 'Ctrl+L', does: 'Lock SessionVault' },
  { keys: '?', does: 'Show these shortcuts (when not typing)' },
  { keys: 'Escape', does: 'Close a dialog' },
];

/** Typing a "?" into a field is text, not a request for help. */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** App-wide keys while unlocked: Ctrl+N new note, Ctrl+K/F search, Ctrl+L lock, Ctrl+S save, Alt+Up/Down next note, ? help. */
export function handleShortcut(e: KeyboardEvent): void {
  if (useApp.getState().phase !== 'ready') return;
  if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target)) {
    e.preventDefault();
    useApp.setState({ shortcutsOpen: true });
    return;
  }
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
