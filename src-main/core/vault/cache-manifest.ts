import type { NoteMeta } from '../notes/note-record';

/**
 * The unlock cache's list entries, packed (version 3 of the cache): one positional array per
 * note instead of an object with its keys, and each client id written once. Unpacking a
 * 12,300-note list makes about half the bytes of short-lived strings and objects that parsing
 * keyed objects did, and garbage collection at unlock was most of its cost. Layout in
 * docs/vault-format.md ("Unlock cache"); the entries are written by this code at this version
 * inside the authenticated first chunk, so they are not re-validated field by field.
 */
export type PackedMeta = [
  id: string,
  rev: number,
  title: string,
  /** Index into the manifest's `clientIds`, -1 without a client. */
  client: number,
  kind: NoteMeta['kind'],
  templateId: NoteMeta['templateId'],
  serviceDate: string,
  startTime: string | null,
  riskFlags: string[],
  signedAt: number | null,
  trashedAt: number | null,
  addendaCount: number,
  createdAt: number,
  updatedAt: number,
];

export function packMetas(metas: readonly NoteMeta[]): { notes: PackedMeta[]; clientIds: string[] } {
  const clientIds: string[] = [];
  const clientIndex = new Map<string, number>();
  const indexOf = (clientId: string): number => {
    let i = clientIndex.get(clientId);
    if (i === undefined) {
      i = clientIds.push(clientId) - 1;
      clientIndex.set(clientId, i);
    }
    return i;
  };
  const notes = metas.map((m): PackedMeta => [
    m.id,
    m.rev,
    m.title,
    m.clientId ? indexOf(m.clientId) : -1,
    m.kind,
    m.templateId,
    m.serviceDate,
    m.startTime ?? null,
    m.riskFlags,
    m.signedAt ?? null,
    m.trashedAt ?? null,
    m.addendaCount,
    m.createdAt,
    m.updatedAt,
  ]);
  return { notes, clientIds };
}

/**
 * The list entries as `toMeta` (note-record.ts) makes them: the same keys in the same order,
 * absent ones left out, derived ones derived the same way. Built key by key rather than with
 * spreads: this runs once per note at every unlock.
 */
export function unpackMetas(notes: readonly PackedMeta[], clientIds: readonly string[]): NoteMeta[] {
  const out: NoteMeta[] = new Array(notes.length);
  for (let n = 0; n < notes.length; n++) {
    const [id, rev, title, client, kind, templateId, serviceDate, startTime, riskFlags, signedAt, trashedAt, addendaCount, createdAt, updatedAt] = notes[n]!;
    const m: Partial<Record<keyof NoteMeta, unknown>> = { id, rev, title };
    if (client >= 0) m.clientId = clientIds[client];
    m.kind = kind;
    m.isPsychotherapy = kind === 'psychotherapy';
    m.templateId = templateId;
    m.serviceDate = serviceDate;
    if (startTime !== null) m.startTime = startTime;
    m.riskFlags = riskFlags;
    m.signed = signedAt !== null;
    if (signedAt !== null) m.signedAt = signedAt;
    if (trashedAt !== null) m.trashedAt = trashedAt;
    m.addendaCount = addendaCount;
    m.createdAt = createdAt;
    m.updatedAt = updatedAt;
    out[n] = m as NoteMeta;
  }
  return out;
}
