import { z } from 'zod';
import { addendum, noteSummary, revisionChange, sessionHeader, type Note, type NoteSummary, type RevisionChange, type SessionHeader } from '../../../src-shared/contract/notes';
import { signer, type Signer } from '../../../src-shared/contract/profile';
import { NOTE_KINDS, TEMPLATE_IDS, templateById, type NoteKind, type TemplateId } from '../../../src-shared/templates';
import { VaultError } from '../errors';
import { recordType } from '../records/record-store';
import type { NoteDoc } from '../search/search-index';

/**
 * The encrypted payload of one note revision. Skeleton-era records hold only title, body and
 * times, so every later field is optional here and filled with its default when read.
 */
const storedNote = z.object({
  title: z.string(),
  body: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  clientId: z.string().optional(),
  kind: z.enum(NOTE_KINDS).optional(),
  templateId: z.enum(TEMPLATE_IDS).optional(),
  fields: z.record(z.string(), z.string()).optional(),
  session: sessionHeader.optional(),
  signedAt: z.number().optional(),
  /** Who signed, as they were then. Notes signed before profiles existed have none. */
  signedBy: signer.optional(),
  addenda: z.array(addendum).optional(),
  trashedAt: z.number().optional(),
  change: revisionChange.optional(),
});
type StoredNote = z.output<typeof storedNote>;

/**
 * A note's list entry as sealed beside each revision (table `summaries`): what the list shows
 * and nothing of what was written but the title. The first unlock without the unlock cache lists
 * every note from these; `isPsychotherapy` and `signed` are derived on reading, never stored.
 */
const noteListEntry = noteSummary.pick({
  title: true,
  clientId: true,
  kind: true,
  templateId: true,
  serviceDate: true,
  startTime: true,
  riskFlags: true,
  signedAt: true,
  trashedAt: true,
  addendaCount: true,
  createdAt: true,
  updatedAt: true,
});
export type NoteListEntry = z.output<typeof noteListEntry>;

/** Note records (kind 'note'): one sealed revision per save; the list entry of the current one sealed beside it. */
export const noteRecord = recordType('note', storedNote, 'note', noteListEntry);

/** One revision of a note with every default applied. Written back as is. */
export interface NoteState {
  title: string;
  body: string;
  createdAt: number;
  updatedAt: number;
  clientId?: string;
  kind: NoteKind;
  templateId: TemplateId;
  fields: Record<string, string>;
  session: SessionHeader;
  signedAt?: number;
  signedBy?: Signer;
  addenda: Note['addenda'];
  trashedAt?: number;
  change: RevisionChange;
}

/** What the list needs, kept in memory while unlocked so listing never decrypts. */
export type NoteMeta = Omit<NoteSummary, 'clientName'>;

/** A stored revision with every default applied (the store has already checked it against the schema). */
export function noteState(d: StoredNote, rev: number): NoteState {
  return {
    ...d,
    kind: d.kind ?? 'free',
    templateId: d.templateId ?? 'free',
    fields: d.fields ?? {},
    session: d.session ?? { serviceDate: localIsoDate(d.createdAt), riskFlags: [] },
    addenda: d.addenda ?? [],
    change: d.change ?? (rev === 1 ? 'created' : 'edited'),
  };
}

/** The user's calendar date of an instant, as `YYYY-MM-DD`. */
export function localIsoDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Every key of `fields` must be a section of the template; says which one is not. */
export function assertFieldsFit(templateId: TemplateId, fields: Record<string, string>): void {
  const template = templateById(templateId);
  const keys = new Set(template.sections.map((s) => s.key));
  for (const key of Object.keys(fields)) {
    if (!keys.has(key)) {
      throw new VaultError('INVALID_INPUT', `Invalid fields.${key}: not a section of the ${template.label} template.`);
    }
  }
}

export function toNote(id: string, rev: number, s: NoteState, clientName: string | undefined): Note {
  return {
    ...toSummary(toMeta(id, rev, s), clientName),
    fields: s.fields,
    body: s.body,
    session: s.session,
    addenda: s.addenda,
    ...(s.signedBy ? { signedBy: s.signedBy } : {}),
  };
}

export function toMeta(id: string, rev: number, s: NoteState): NoteMeta {
  return metaOf(id, rev, listEntryOf(s));
}

function listEntryOf(s: NoteState): NoteListEntry {
  return {
    title: s.title,
    ...(s.clientId ? { clientId: s.clientId } : {}),
    kind: s.kind,
    templateId: s.templateId,
    serviceDate: s.session.serviceDate,
    ...(s.session.startTime ? { startTime: s.session.startTime } : {}),
    riskFlags: s.session.riskFlags,
    ...(s.signedAt !== undefined ? { signedAt: s.signedAt } : {}),
    ...(s.trashedAt !== undefined ? { trashedAt: s.trashedAt } : {}),
    addendaCount: s.addenda.length,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** What a list entry's sealed summary holds: all of it but what the row says (id, rev) and what is derived. */
export function summaryOf(m: NoteMeta): NoteListEntry {
  const { id: _id, rev: _rev, isPsychotherapy: _derived, signed: _alsoDerived, ...entry } = m;
  return entry;
}

/** The list entry of revision `rev` of note `id`, from its sealed summary. */
export function metaOf(id: string, rev: number, e: NoteListEntry): NoteMeta {
  return {
    id,
    rev,
    title: e.title,
    ...(e.clientId ? { clientId: e.clientId } : {}),
    kind: e.kind,
    isPsychotherapy: e.kind === 'psychotherapy',
    templateId: e.templateId,
    serviceDate: e.serviceDate,
    ...(e.startTime ? { startTime: e.startTime } : {}),
    riskFlags: e.riskFlags,
    signed: e.signedAt !== undefined,
    ...(e.signedAt !== undefined ? { signedAt: e.signedAt } : {}),
    ...(e.trashedAt !== undefined ? { trashedAt: e.trashedAt } : {}),
    addendaCount: e.addendaCount,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

export function toSummary(meta: NoteMeta, clientName: string | undefined): NoteSummary {
  return clientName === undefined ? { ...meta } : { ...meta, clientName };
}

/** Section texts in template order, then the body: what search looks through. */
export function toDoc(id: string, s: NoteState): NoteDoc {
  const sections = templateById(s.templateId).sections.map((sec) => s.fields[sec.key] ?? '');
  return {
    noteId: id,
    ...(s.clientId ? { clientId: s.clientId } : {}),
    title: s.title,
    content: [...sections, s.body].filter(Boolean).join('\n'),
    addenda: s.addenda.map((a) => a.text).join('\n'),
    serviceDate: s.session.serviceDate,
  };
}

/** The parts of a note the clinician writes; equal content means a save changes nothing. */
export function sameContent(a: NoteState, b: NoteState): boolean {
  // Plain comparisons first: an autosave almost always differs in one of them, and serializing a
  // whole note twice on every keystroke-driven save costs more than the rest of the check.
  return (
    a.title === b.title &&
    a.body === b.body &&
    (a.clientId ?? null) === (b.clientId ?? null) &&
    a.kind === b.kind &&
    a.templateId === b.templateId &&
    sameFields(a.fields, b.fields) &&
    canonical(a.session) === canonical(b.session)
  );
}

function sameFields(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** JSON with object keys sorted, so key order never makes equal content look different. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}
