import { create } from 'zustand';
import type { NoteSummary } from '../../src-shared/ipc';

export type Phase = 'loading' | 'create' | 'recovery-kit' | 'unlock' | 'ready';
/** The screens of an unlocked vault. */
export type View = 'notes' | 'settings';

/** The note open in the editor. `id: null` is a new note not saved yet. */
export interface Draft {
  /** Stable for the life of the editor, even when a new note gets its id on first save. */
  key: number;
  id: string | null;
  rev: number | null;
  title: string;
  body: string;
}

export type SaveState =
  | { state: 'saved' }
  | { state: 'dirty' }
  | { state: 'saving' }
  | { state: 'error'; message: string }
  | { state: 'conflict'; theirs: { rev: number; title: string; body: string } };

export interface RecoveryKit {
  recoveryKey: string;
  vaultId: string;
  createdAt: number;
}

/** Where the clinician was at lock: ids and a caret offset only, never text. */
export interface Resume {
  noteId: string;
  caret: number;
}

export interface AppState {
  phase: Phase;
  view: View;
  hasKeyFile: boolean;
  recoveryKit: RecoveryKit | null;
  notes: NoteSummary[];
  draft: Draft | null;
  save: SaveState;
  resume: Resume | null;
  banner: string | null;
  /** Seconds until an idle lock while the warning shows; null when no warning. */
  lockWarning: number | null;
}

const initial: AppState = {
  phase: 'loading',
  view: 'notes',
  hasKeyFile: false,
  recoveryKit: null,
  notes: [],
  draft: null,
  save: { state: 'saved' },
  resume: null,
  banner: null,
  lockWarning: null,
};

export const useApp = create<AppState>()(() => initial);

/** On lock: drop every decrypted thing; keep only where to resume. */
export function wipeForLock(resume: Resume | null, banner: string | null): void {
  useApp.setState({ ...initial, phase: 'unlock', hasKeyFile: useApp.getState().hasKeyFile, resume, banner }, true);
}
