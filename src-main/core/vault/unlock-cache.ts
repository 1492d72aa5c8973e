import fs from 'node:fs';
import path from 'node:path';
import { BULK_HEADER_BYTES, BULK_TAG_BYTES, bulkOpener, bulkSealer, type BulkOpener } from '../crypto/bulk-stream';
import { searchCacheKey, type MasterKey } from '../crypto/keys';
import { memzero } from '../crypto/sodium';
import { readAt, readInto, writeAll } from '../files/durable-files';
import type { NoteMeta } from '../notes/note-record';
import type { CachedNote } from '../notes/notes-repo';
import type { AuditSummary } from '../audit/audit-log';

/**
 * The unlock cache: the note list and the search index of the last session, sealed with the
 * search subkey, so the next unlock decrypts one ~20 MB stream instead of every note and need
 * not rebuild the index word by word. It is only a cache: everything in it is derived from the
 * records, every entry is checked against the record it came from before use (notes-repo.ts),
 * and a missing, damaged, foreign or older-format file just means a full rebuild. It is never
 * part of a backup. Format in docs/vault-format.md ("Unlock cache").
 */
export const UNLOCK_CACHE_FILE = 'unlock-cache.svcache';
const MAGIC = Buffer.from('SVUCACHE', 'latin1');
/** Bump on any change to the manifest, NoteMeta or the index schema (search-index.ts): old files are then ignored. */
const UNLOCK_CACHE_VERSION = 2;
const PREFIX_BYTES = MAGIC.length + 1;
const CHUNK = 1 << 20;
const HEAD_BYTES = 5;

/** The first chunk. Authenticated, and written by this code at this version, so it is not re-validated field by field. */
interface Manifest {
  notes: [id: string, rev: number, nonce: string, meta: NoteMeta][];
  clientNames: [id: string, name: string][];
  indexBytes: number;
  /** Where the audit trail stood and which notes it had seen signed (version 2): an anchor outside vault.db. */
  audit: AuditSummary | null;
}

export interface UnlockCacheContents {
  notes: Map<string, CachedNote>;
  clientNames: Map<string, string>;
  /** The serialized in-memory search database. */
  index: Buffer;
  audit: AuditSummary | null;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function keyAndAd(masterKey: MasterKey, vaultId: string) {
  return { key: searchCacheKey(masterKey), ad: enc.encode(`sessionvault/unlock-cache/v${UNLOCK_CACHE_VERSION}|${vaultId}`) };
}

/** A chunk's head on disk: final flag (1 byte, also bound into the nonce), then the sealed length (u32 LE). */
function chunkHead(final: boolean, sealedLength: number): Buffer {
  const head = Buffer.alloc(HEAD_BYTES);
  head[0] = final ? 1 : 0;
  head.writeUInt32LE(sealedLength, 1);
  return head;
}

/** Seals and writes the cache (temp file, then rename). Never throws: a cache that is not written is rebuilt. */
export function saveUnlockCache(
  dataDir: string,
  masterKey: MasterKey,
  vaultId: string,
  contents: { notes: [string, CachedNote][]; clientNames: [string, string][]; index: Buffer; audit: AuditSummary | null },
): boolean {
  const file = path.join(dataDir, UNLOCK_CACHE_FILE);
  const tmp = `${file}.tmp`;
  const { key, ad } = keyAndAd(masterKey, vaultId);
  const sealer = bulkSealer(key);
  let fd: number | null = null;
  try {
    const manifest: Manifest = {
      notes: contents.notes.map(([id, c]) => [id, c.rev, c.nonce, c.meta]),
      clientNames: contents.clientNames,
      indexBytes: contents.index.length,
      audit: contents.audit,
    };
    const out = (fd = fs.openSync(tmp, 'w', 0o600));
    writeAll(out, Buffer.concat([MAGIC, Buffer.from([UNLOCK_CACHE_VERSION]), sealer.header]));
    const pieces = Math.ceil(contents.index.length / CHUNK);
    const write = (chunk: Uint8Array, final: boolean) => {
      const sealed = sealer.seal(chunk, final, ad);
      writeAll(out, chunkHead(final, sealed.length));
      writeAll(out, sealed);
    };
    write(enc.encode(JSON.stringify(manifest)), pieces === 0);
    for (let i = 0; i < pieces; i++) write(contents.index.subarray(i * CHUNK, (i + 1) * CHUNK), i === pieces - 1);
    fs.closeSync(fd);
    fd = null;
    // No fsync: a cache torn by a crash fails authentication and is rebuilt, nothing is lost.
    fs.renameSync(tmp, file);
    return true;
  } catch {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    return false;
  } finally {
    sealer.done();
    memzero(key);
  }
}

/**
 * Reads and opens the cache; null when there is none or it is not this vault's, intact and current.
 * Read chunk by chunk into one reused buffer: fresh memory is slow to touch on some machines.
 */
export function loadUnlockCache(dataDir: string, masterKey: MasterKey, vaultId: string): UnlockCacheContents | null {
  let fd: number;
  try {
    fd = fs.openSync(path.join(dataDir, UNLOCK_CACHE_FILE), 'r');
  } catch {
    return null;
  }
  const { key, ad } = keyAndAd(masterKey, vaultId);
  let opener: BulkOpener | null = null;
  try {
    const size = fs.fstatSync(fd).size;
    const prefix = Buffer.from(readAt(fd, PREFIX_BYTES + BULK_HEADER_BYTES, 0));
    if (prefix.length !== PREFIX_BYTES + BULK_HEADER_BYTES || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    if (prefix[MAGIC.length] !== UNLOCK_CACHE_VERSION) return null;
    const open = bulkOpener(key, prefix.subarray(PREFIX_BYTES));
    opener = open;
    let at = prefix.length;
    let frame = Buffer.alloc(CHUNK + BULK_TAG_BYTES);
    const next = () => {
      const head = Buffer.from(readAt(fd, HEAD_BYTES, at));
      if (head.length !== HEAD_BYTES) return null;
      const final = head[0] === 1;
      const length = head.readUInt32LE(1);
      if (length < BULK_TAG_BYTES || at + HEAD_BYTES + length > size) return null;
      if (length > frame.length) frame = Buffer.alloc(length);
      const sealed = readInto(fd, frame, length, at + HEAD_BYTES);
      if (sealed.length !== length) return null;
      at += HEAD_BYTES + length;
      const message = open.open(sealed, final, ad);
      return message && { message, final };
    };
    const first = next();
    if (!first) return null;
    const manifest = JSON.parse(dec.decode(first.message)) as Manifest;
    const index = Buffer.allocUnsafe(manifest.indexBytes);
    let filled = 0;
    let final = first.final;
    while (!final) {
      const piece = next();
      if (!piece || filled + piece.message.length > index.length) return null;
      index.set(piece.message, filled);
      piece.message.fill(0);
      filled += piece.message.length;
      final = piece.final;
    }
    if (filled !== index.length || at !== size) return null;
    return {
      notes: new Map(manifest.notes.map(([id, rev, nonce, meta]) => [id, { rev, nonce, meta }])),
      clientNames: new Map(manifest.clientNames),
      index,
      audit: manifest.audit,
    };
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
    opener?.done();
    memzero(key);
  }
}

/** After a restore or for a new vault: the old cache belongs to another database. */
export function removeUnlockCache(dataDir: string): void {
  fs.rmSync(path.join(dataDir, UNLOCK_CACHE_FILE), { force: true });
}
