import { byServiceDateDesc } from '../../../src-shared/note-order';
import type { Note, NoteSummary } from '../../../src-shared/ipc';
import { NOTE_KIND_INFO, templateById, type NoteKind, type TemplateId } from '../../../src-shared/templates';
import { CallError, errorMessage } from '../errors';
import { api, call } from './bridge';
import { useApp, type Draft, type NoteContent } from '../store';
import { todayIso } from '../components/format';

let nextKey = 1;

export async function refreshNotes(): Promise<void> {
  useApp.setState({ notes: await call(api().notes.list({ includeTrashed: true })) });
}

/**
 * After a save: put the saved note's list entry (the save returns it) in place, in list order,
 * instead of re-listing every note (a long practice has 10,000, and autosave runs every few seconds).
 */
function placeInList(summary: NoteSummary): void {
  const others = useApp.getState().notes.filter((n) => n.id !== summary.id);
  const at = others.findIndex((n) => byServiceDateDesc(summary, n) < 0);
  useApp.setState({ notes: at < 0 ? [...others, summary] : [...others.slice(0, at), summary, ...others.slice(at)] });
}

export function draftFromNote(note: Note, key = nextKey++): Draft {
  return {
    key,
    id: note.id,
    rev: note.rev,
    clientId: note.clientId ?? null,
    title: note.title,
    body: note.body,
    kind: note.kind,
    templateId: note.templateId,
    fields: note.fields,
    session: note.session,
    addenda: note.addenda,
    ...(note.signedAt !== undefined ? { signedAt: note.signedAt } : {}),
    ...(note.signedBy ? { signedBy: note.signedBy } : {}),
    ...(note.trashedAt !== undefined ? { trashedAt: note.trashedAt } : {}),
  };
}

/** Moves the keyboard focus to the open note's title once it is on screen. */
export function focusNoteTitle(): void {
  requestAnimationFrame(() => document.getElementById('note-title')?.focus());
}

/**
 * Saves the open note before another replaces it. False when it could not be saved (an error, or a
 * newer version saved elsewhere): it stays open, saying why, because replacing it would lose its text.
 */
async function savedBeforeLeaving(): Promise<boolean> {
  await flushDraft();
  const { save } = useApp.getState();
  if (save.state !== 'error' && save.state !== 'conflict') return true;
  useApp.setState({ save: { ...save, held: true } });
  return false;
}

export async function openNote(id: string): Promise<void> {
  if (!(await savedBeforeLeaving())) return;
  const note = await call(api().notes.get({ id }));
  useApp.setState({ draft: draftFromNote(note), save: { state: 'idle' } });
}

/** Re-reads the open note after a sign, addendum, trash or restore. */
export async function reloadDraft(): Promise<void> {
  const { draft } = useApp.getState();
  if (!draft?.id) return;
  const note = await call(api().notes.get({ id: draft.id }));
  useApp.setState({ draft: draftFromNote(note, draft.key), save: { state: 'idle' } });
  const { fields: _f, body: _b, session: _s, addenda: _a, ...summary } = note;
  placeInList(summary);
}

export async function newNote(options: { clientId?: string | null; kind?: NoteKind } = {}): Promise<void> {
  if (!(await savedBeforeLeaving())) return;
  const kind = options.kind ?? (options.clientId ? 'progress' : 'free');
  useApp.setState({
    draft: {
      key: nextKey++,
      id: null,
      rev: null,
      clientId: options.clientId ?? null,
      title: '',
      body: '',
      kind,
      templateId: NOTE_KIND_INFO[kind].defaultTemplate,
      fields: {},
      session: { serviceDate: todayIso(), riskFlags: [] },
      addenda: [],
    },
    save: { state: 'idle' },
  });
}

export function editDraft(change: Partial<NoteContent>): void {
  const { draft } = useApp.getState();
  if (!draft || draft.signedAt !== undefined || draft.trashedAt !== undefined) return;
  useApp.setState({ draft: { ...draft, ...change }, save: { state: 'dirty' } });
  scheduleSave();
}

/**
 * Switches template. Sections the new template shares keep their text; text of the others moves
 * to the end of the free-text body under its section name, so nothing typed is ever lost.
 */
export function changeTemplate(templateId: TemplateId): void {
  const { draft } = useApp.getState();
  if (!draft || draft.templateId === templateId) return;
  const keep = new Set(templateById(templateId).sections.map((s) => s.key));
  const old = templateById(draft.templateId);
  const fields: Record<string, string> = {};
  const moved: string[] = [];
  for (const [key, text] of Object.entries(draft.fields)) {
    if (keep.has(key)) fields[key] = text;
    else if (text.trim()) moved.push(`${old.sections.find((s) => s.key === key)?.label ?? key}:\n${text}`);
  }
  const body = moved.length ? [draft.body, ...moved].filter(Boolean).join('\n\n') : draft.body;
  editDraft({ templateId, fields, body });
}

export function changeKind(kind: NoteKind): void {
  const { draft } = useApp.getState();
  if (!draft || draft.kind === kind) return;
  // A psychotherapy note is kept apart from billing: it carries no service code.
  if (kind === 'psychotherapy' && draft.session.serviceCode !== undefined) {
    const { serviceCode: _billing, ...session } = draft.session;
    editDraft({ kind, session });
  } else {
    editDraft({ kind });
  }
  // A kind's usual template helps only while nothing has been written in sections.
  if (!Object.values(draft.fields).some((t) => t.trim())) changeTemplate(NOTE_KIND_INFO[kind].defaultTemplate);
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

function contentOf(d: NoteContent): NoteContent {
  return { clientId: d.clientId, title: d.title, body: d.body, kind: d.kind, templateId: d.templateId, fields: d.fields, session: d.session };
}

function sameContent(a: NoteContent, b: NoteContent): boolean {
  return JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));
}

async function saveOnce(draft: Draft): Promise<void> {
  useApp.setState({ save: { state: 'saving' } });
  const { clientId, ...content } = contentOf(draft);
  try {
    const saved =
      draft.id === null
        ? await call(api().notes.create({ ...content, ...(clientId ? { clientId } : {}) }))
        : await call(api().notes.update({ id: draft.id, baseRev: draft.rev!, clientId, ...content }));
    const now = useApp.getState().draft;
    // Typing may have continued while saving: keep the newer text and save again.
    const changed = !now || !sameContent(now, draft);
    useApp.setState({
      draft: now ? { ...now, id: saved.id, rev: saved.rev } : null,
      save: changed ? { state: 'dirty' } : { state: 'saved' },
    });
    if (changed) scheduleSave();
    placeInList(saved);
  } catch (e) {
    if (e instanceof CallError && e.error.code === 'CONFLICT' && draft.id) {
      const theirs = await call(api().notes.get({ id: draft.id }));
      useApp.setState({ save: { state: 'conflict', theirs: { rev: theirs.rev, ...contentOf({ ...theirs, clientId: theirs.clientId ?? null }) } } });
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
    useApp.setState({ draft: { ...draft, ...save.theirs }, save: { state: 'idle' } });
    return;
  }
  useApp.setState({ draft: { ...draft, rev: save.theirs.rev }, save: { state: 'dirty' } });
  await flushDraft();
}
