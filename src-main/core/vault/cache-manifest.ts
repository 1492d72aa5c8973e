import type { NoteMeta } from '../notes/note-record';

/** Characters of a note id (16 random bytes, lowercase hex). */
const ID_CHARS = 32;
/** The risk flags of every note without any (most): one frozen array, not one each. */
const NO_FLAGS = Object.freeze([]) as unknown as string[];

/**
 * The unlock cache's list entries by column (version 4 of the cache): one array per field, in
 * entry order, instead of one array per note. Parsing a 24,600-note list then makes a few dozen
 * arrays rather than 25,000 small ones with their elements, about half the time and garbage of
 * the version-3 rows at unlock. Repeated words (client ids, kinds, templates) are written once
 * and pointed to by index. Layout in docs/vault-format.md ("Unlock cache"); the entries are
 * written by this code at this version inside the authenticated first chunk, so they are not
 * re-validated field by field.
 */
export interface PackedList {
  /** The note ids, 32 characters each, concatenated. */
  ids: string;
  rev: number[];
  title: string[];
  /** Index into `clientIds`, -1 without a client. */
  client: number[];
  clientIds: string[];
  /** Index into `kinds`. */
  kind: number[];
  kinds: NoteMeta['kind'][];
  /** Index into `templateIds`. */
  template: number[];
  templateIds: NoteMeta['templateId'][];
  serviceDate: string[];
  startTime: (string | null)[];
  /** Only the entries with risk flags: [entry index, flags]. */
  riskFlags: [number, string[]][];
  signedAt: (number | null)[];
  trashedAt: (number | null)[];
  addendaCount: number[];
  createdAt: number[];
  updatedAt: number[];
}

/** Indexes of repeated words, each word written once. */
function table<T extends string>(): { words: T[]; indexOf(word: T): number } {
  const words: T[] = [];
  const at = new Map<T, number>();
  return {
    words,
    indexOf(word) {
      let i = at.get(word);
      if (i === undefined) {
        i = words.push(word) - 1;
        at.set(word, i);
      }
      return i;
    },
  };
}

export function packList(metas: readonly NoteMeta[]): PackedList {
  const clients = table<string>();
  const kinds = table<NoteMeta['kind']>();
  const templates = table<NoteMeta['templateId']>();
  const riskFlags: [number, string[]][] = [];
  metas.forEach((m, i) => {
    if (m.id.length !== ID_CHARS) throw new Error('a note id is not 32 characters');
    if (m.riskFlags.length > 0) riskFlags.push([i, m.riskFlags]);
  });
  return {
    ids: metas.map((m) => m.id).join(''),
    rev: metas.map((m) => m.rev),
    title: metas.map((m) => m.title),
    client: metas.map((m) => (m.clientId ? clients.indexOf(m.clientId) : -1)),
    clientIds: clients.words,
    kind: metas.map((m) => kinds.indexOf(m.kind)),
    kinds: kinds.words,
    template: metas.map((m) => templates.indexOf(m.templateId)),
    templateIds: templates.words,
    serviceDate: metas.map((m) => m.serviceDate),
    startTime: metas.map((m) => m.startTime ?? null),
    riskFlags,
    signedAt: metas.map((m) => m.signedAt ?? null),
    trashedAt: metas.map((m) => m.trashedAt ?? null),
    addendaCount: metas.map((m) => m.addendaCount),
    createdAt: metas.map((m) => m.createdAt),
    updatedAt: metas.map((m) => m.updatedAt),
  };
}

/**
 * The list entries as `toMeta` (note-record.ts) makes them: the same keys in the same order,
 * absent ones left out, derived ones derived the same way. Built key by key rather than with
 * spreads: this runs once per note at every unlock.
 */
export function unpackList(p: PackedList): NoteMeta[] {
  const count = p.rev.length;
  const flags = new Map(p.riskFlags);
  const out: NoteMeta[] = new Array(count);
  for (let n = 0; n < count; n++) {
    const m: Partial<Record<keyof NoteMeta, unknown>> = { id: p.ids.slice(n * ID_CHARS, (n + 1) * ID_CHARS), rev: p.rev[n], title: p.title[n] };
    const client = p.client[n] ?? -1;
    if (client >= 0) m.clientId = p.clientIds[client];
    const kind = p.kinds[p.kind[n]!]!;
    m.kind = kind;
    m.isPsychotherapy = kind === 'psychotherapy';
    m.templateId = p.templateIds[p.template[n]!];
    m.serviceDate = p.serviceDate[n];
    const startTime = p.startTime[n] ?? null;
    if (startTime !== null) m.startTime = startTime;
    m.riskFlags = flags.get(n) ?? NO_FLAGS;
    const signedAt = p.signedAt[n] ?? null;
    m.signed = signedAt !== null;
    if (signedAt !== null) m.signedAt = signedAt;
    const trashedAt = p.trashedAt[n] ?? null;
    if (trashedAt !== null) m.trashedAt = trashedAt;
    m.addendaCount = p.addendaCount[n];
    m.createdAt = p.createdAt[n];
    m.updatedAt = p.updatedAt[n];
    out[n] = m as NoteMeta;
  }
  return out;
}
