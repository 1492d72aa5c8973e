import { api, call, CallError, errorMessage } from '../vault';
import { useApp, type Draft } from '../store';

let nextKey = 1;

export async function refreshNotes(): Promise<void> {
  useApp.setState({ notes: await call(api().notes.list({})) });
}

export async function openNote(id: string): Promise<void> {
  await flushDraft();
  const note = await call(api().notes.get({ id }));
  useApp.setState({ draft: { key: nextKey++, id: note.id, rev: note.rev, title: note.title, body: note.body }, save: { state: 'saved' } });
}

export async function newNote(): Promise<void> {
  await flushDraft();
  useApp.setState({ draft: { key: nextKey++, id: null, rev: null, title: '', body: '' }, save: { state: 'saved' } });
}

export function editDraft(change: Partial<Pick<Draft, 'title' | 'body'>>): void {
  const { draft } = useApp.getState();
  if (!draft) return;
  useApp.setState({ draft: { ...draft, ...change }, save: { state: 'dirty' } });
  scheduleSave();
}

const AUTOSAVE_MS = 800;
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<void> | null = null;

function scheduleSave(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void flushDraft(), AUTOSAVE_MS);
}

/**
 * Saves the draft if it has unsaved changes; resolves when it is committed (or failed, which
 * the save state shows). Saves never overlap: a save during a save runs right after it.
 */
export async function flushDraft(): Promise<void> {
  clearTimeout(timer);
  while (inFlight) await inFlight;
  const { draft, save } = useApp.getState();
  if (!draft || save.state !== 'dirty') return;
  inFlight = saveOnce(draft).finally(() => {
    inFlight = null;
  });
  await inFlight;
}

async function saveOnce(draft: Draft): Promise<void> {
  useApp.setState({ save: { state: 'saving' } });
  try {
    const saved =
      draft.id === null
        ? await call(api().notes.create({ title: draft.title, body: draft.body }))
        : await call(api().notes.update({ id: draft.id, baseRev: draft.rev!, title: draft.title, body: draft.body }));
    const now = useApp.getState().draft;
    // Typing may have continued while saving: keep the newer text and save again.
    const changed = !now || now.title !== draft.title || now.body !== draft.body;
    useApp.setState({
      draft: now ? { ...now, id: saved.id, rev: saved.rev } : null,
      save: changed ? { state: 'dirty' } : { state: 'saved' },
    });
    if (changed) scheduleSave();
    await refreshNotes();
  } catch (e) {
    if (e instanceof CallError && e.error.code === 'CONFLICT' && draft.id) {
      const theirs = await call(api().notes.get({ id: draft.id }));
      useApp.setState({ save: { state: 'conflict', theirs: { rev: theirs.rev, title: theirs.title, body: theirs.body } } });
    } else {
      useApp.setState({ save: { state: 'error', message: errorMessage(e) } });
    }
  }
}

/** Resolves a conflict: keep mine (saved on top of theirs) or take theirs. Both stay in history. */
export async function resolveConflict(keep: 'mine' | 'theirs'): Promise<void> {
  const { draft, save } = useApp.getState();
  if (!draft || save.state !== 'conflict') return;
  if (keep === 'theirs') {
    useApp.setState({ draft: { ...draft, ...save.theirs }, save: { state: 'saved' } });
    return;
  }
  useApp.setState({ draft: { ...draft, rev: save.theirs.rev }, save: { state: 'dirty' } });
  await flushDraft();
}
