import { create } from 'zustand';
import type { BackupProgress, ClientSummary, Note, NoteSummary } from '../../src-shared/ipc';
import type { RecordsDocument } from '../../src-shared/contract/export';
import type { Addendum, SessionHeader } from '../../src-shared/contract/notes';
import type { Signer } from '../../src-shared/contract/profile';
import type { BackupReminder } from '../../src-shared/backup-reminder';
import type { NoteKind, TemplateId } from '../../src-shared/templates';

export type Phase = 'loading' | 'create' | 'restore' | 'recovery-kit' | 'unlock' | 'ready';
/** The screens of an unlocked vault. */
export type View = 'notes' | 'clients' | 'search' | 'backups' | 'audit' | 'retention' | 'settings' | 'checkup' | 'lost' | 'will';

/** What the clinician edits in a note; one save sends all of it. */
export interface NoteContent {
  /** Set or changed until the note is signed; null = no client. */
  clientId: string | null;
  title: string;
  body: string;
  kind: NoteKind;
  templateId: TemplateId;
  fields: Record<string, string>;
  session: SessionHeader;
}

/** The note open in the editor. `id: null` is a new note not saved yet. */
export interface Draft extends NoteContent {
  /** Stable for the life of the editor, even when a new note gets its id on first save. */
  key: number;
  id: string | null;
  rev: number | null;
  signedAt?: number;
  /** Who signed, as kept in the note at signing. */
  signedBy?: Signer;
  trashedAt?: number;
  addenda: Addendum[];
}

/** `idle`: nothing changed since the note was opened, so there is nothing to report. */
export type SaveState =
  | { state: 'idle' }
  | { state: 'saved' }
  | { state: 'dirty' }
  | { state: 'saving' }
  | { state: 'error'; message: string; held?: true }
  | { state: 'conflict'; theirs: NoteContent & { rev: number }; held?: true };

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

/** Shown once after a restore on a new computer: what came back, and what was kept aside. */
export interface RestoreSummary {
  restored: string;
  keptAside: string;
}

export interface AppState {
  phase: Phase;
  view: View;
  hasKeyFile: boolean;
  /** How many custodian shares open the vault, of how many kits; null when no custodians are named. */
  custodians: { threshold: number; shares: number } | null;
  /** Opened by records custodians: read-only, said so on every screen. */
  custodianMode: boolean;
  recoveryKit: RecoveryKit | null;
  /** Every note, trashed ones included (the lists filter). */
  notes: NoteSummary[];
  clients: ClientSummary[];
  /** The client whose record is open in the Clients screen. */
  clientId: string | null;
  draft: Draft | null;
  save: SaveState;
  resume: Resume | null;
  banner: string | null;
  /** Seconds until an idle lock while the warning shows; null when no warning. */
  lockWarning: number | null;
  /** The running backup/verify/drill/restore, if any. */
  backupProgress: BackupProgress | null;
  /** Amber in a new vault's first days, red once the last verified backup is too old (backup-reminder.ts). */
  backupReminder: (Exclude<BackupReminder, { level: 'none' }> & { folderChosen: boolean }) | null;
  /** Until dismissed, after a restore on a new computer. */
  restored: RestoreSummary | null;
  /** The current Recovery Kit was never confirmed as stored (e.g. the window closed on it). */
  recoveryKitPending: boolean;
  /** Underline misspellings in note fields: the setting, where this computer can do it offline. */
  spellCheck: boolean;
  /** The "?" overlay listing the keyboard shortcuts. */
  shortcutsOpen: boolean;
  /** What is laid out for the printer right now (decrypted: dropped with everything else at lock). */
  printJob: PrintJob | null;
}

/** Nothing is waiting to be saved. */
export function isSaved(save: SaveState): boolean {
  return save.state === 'saved' || save.state === 'idle';
}

/** A note, or a records-request copy, on its way to the printer. */
export type PrintJob = { kind: 'note'; note: Note } | { kind: 'record'; doc: RecordsDocument };

const initial: AppState = {
  phase: 'loading',
  view: 'notes',
  hasKeyFile: false,
  custodians: null,
  custodianMode: false,
  recoveryKit: null,
  notes: [],
  clients: [],
  clientId: null,
  draft: null,
  save: { state: 'idle' },
  resume: null,
  banner: null,
  lockWarning: null,
  backupProgress: null,
  backupReminder: null,
  printJob: null,
  restored: null,
  recoveryKitPending: false,
  spellCheck: false,
  shortcutsOpen: false,
};

export const useApp = create<AppState>()(() => initial);

/** On lock: drop every decrypted thing; keep only where to resume. */
export function wipeForLock(resume: Resume | null, banner: string | null): void {
  const { hasKeyFile, custodians } = useApp.getState();
  useApp.setState({ ...initial, phase: 'unlock', hasKeyFile, custodians, resume, banner }, true);
}
