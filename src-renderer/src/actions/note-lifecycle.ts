import type { RevisionInfo } from '../../../src-shared/contract/notes';
import type { Note } from '../../../src-shared/ipc';
import { CallError } from '../errors';
import { api, call } from './bridge';
import { isSaved, useApp } from '../store';
import { flushDraft, refreshNotes, reloadDraft } from './notes';

/** Sign, addenda, trash and history of the open note. Each throws a CallError the screen shows. */

function openId(): string {
  const id = useApp.getState().draft?.id;
  if (!id) throw new Error('No saved note is open.');
  return id;
}

/** Saves pending edits, then signs exactly the revision just saved. */
export async function signNote(): Promise<void> {
  await flushDraft();
  const { draft, save } = useApp.getState();
  if (!draft?.id || draft.rev === null || !isSaved(save)) {
    // Signing must cover exactly what is on screen; an unsaved change would be left out.
    throw new CallError({ code: 'INVALID_INPUT', message: 'The note is not saved yet, so it was not signed. Resolve the save problem shown above first.' });
  }
  await call(api().notes.sign({ id: draft.id, baseRev: draft.rev }));
  await reloadDraft();
}

/** `section`: the part of the note it amends (amendableParts), or undefined for the note as a whole. */
export async function addAddendum(text: string, section?: string): Promise<void> {
  await call(api().notes.addAddendum({ id: openId(), text, ...(section ? { section } : {}) }));
  await reloadDraft();
}

export async function trashNote(): Promise<void> {
  await flushDraft();
  await call(api().notes.trash({ id: openId() }));
  await reloadDraft();
}

export async function restoreNote(id = openId()): Promise<void> {
  await call(api().notes.restore({ id }));
  if (useApp.getState().draft?.id === id) await reloadDraft();
  else await refreshNotes();
}

export async function emptyTrash(): Promise<{ deleted: number; keptSigned: number }> {
  const result = await call(api().notes.emptyTrash({ confirm: true }));
  const { draft, notes } = useApp.getState();
  await refreshNotes();
  // The open note may have been deleted for good: close it.
  if (draft?.id && notes.some((n) => n.id === draft.id) && !useApp.getState().notes.some((n) => n.id === draft.id)) {
    useApp.setState({ draft: null, save: { state: 'idle' } });
  }
  return result;
}

export function loadHistory(id: string): Promise<RevisionInfo[]> {
  return call(api().notes.history({ id }));
}

export function loadRevision(id: string, rev: number): Promise<Note> {
  return call(api().notes.getRevision({ id, rev }));
}
