import fs from 'node:fs';
import path from 'node:path';
import { BULK_HEADER_BYTES, BULK_TAG_BYTES, bulkOpener, bulkSealer, type BulkOpener } from '../crypto/bulk-stream';
import { searchCacheKey, type MasterKey } from '../crypto/keys';
import { largeBuffer } from '../crypto/large-buffer';
import { memzero } from '../crypto/sodium';
import { readAt, readInto, writeAll } from '../files/durable-files';
import type { CachedNotes } from '../notes/notes-repo';
import type { AuditSummary } from '../audit/audit-log';
import type { IndexSource } from '../search/search-index';
import { packList, unpackList, type PackedList } from './cache-manifest';

/**
 * The unlock cache: the note list and the search index of the last session, sealed with the
 * search subkey, so the next unlock decrypts the list (a few MB) instead of every note, and the
 * index (~20 MB) after it returns instead of rebuilding it word by word. It is only a cache: everything in it is derived from the
 * records, every entry is checked against the record it came from before use (notes-repo.ts),
 * and a missing, damaged, foreign or older-format file just means a full rebuild. It is never
 * part of a backup. Format in docs/vault-format.md ("Unlock cache").
 */
export const UNLOCK_CACHE_FILE = 'unlock-cache.svcache';
const MAGIC = Buffer.from('SVUCACHE', 'latin1');
/**
 * Bump on any change to the manifest, NoteMeta, the index schema (search-index.ts) or the stop
 * words (stop-words.ts): old files are then ignored. Version 5: the index leaves out stop words;
 * version 6: its rowids follow session dates (search walks them newest first), no titles index;
 * version 7: 32 places a day (search-index.ts DAY_SLOTS), kept by a note while its date stays.
 */
export const UNLOCK_CACHE_VERSION = 7;
const PREFIX_BYTES = MAGIC.length + 1;
const CHUNK = 1 << 20;
const HEAD_BYTES = 5;

/** The first chunk. Authenticated, and written by this code at this version, so it is not re-validated field by field. */
interface Manifest {
  /** The list entries by column (cache-manifest.ts), in id order (as RecordStore.fingerprints gave them at lock). */
  list: PackedList;
  nonces: CachedNotes['nonces'];
  fingerprint: CachedNotes['fingerprint'];
  clientNames: [id: string, name: string][];
  indexBytes: number;
  /** Where the audit trail stood and which notes it had seen signed (version 2): an anchor outside vault.db. */
  audit: AuditSummary | null;
}

export interface UnlockCacheContents extends CachedNotes {
  clientNames: Map<string, string>;
  /** The serialized in-memory search database, still sealed: opened piece by piece after the unlock (search-index.ts). */
  index: IndexSource;
  audit: AuditSummary | null;
}

const enc = new TextEncoder();

/** JSON with every character outside ASCII written as a \\u escape: read back as a one-byte string (bulk-stream.ts, openAscii). */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

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
  contents: { notes: CachedNotes; clientNames: [string, string][]; index: Buffer; audit: AuditSummary | null },
): boolean {
  const file = path.join(dataDir, UNLOCK_CACHE_FILE);
  const tmp = `${file}.tmp`;
  const { key, ad } = keyAndAd(masterKey, vaultId);
  const sealer = bulkSealer(key);
  let fd: number | null = null;
  try {
    const manifest: Manifest = {
      list: packList(contents.notes.metas),
      nonces: contents.notes.nonces,
      fingerprint: contents.notes.fingerprint,
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
    write(Buffer.from(asciiJson(manifest), 'latin1'), pieces === 0);
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
 * Reads and opens the cache's manifest; null when there is none or it is not this vault's, intact
 * and current. The index stays sealed on disk: the returned source opens it a chunk at a time
 * (the unlock returns before that), and gives null if any chunk fails, which means a rebuild.
 */
export function loadUnlockCache(dataDir: string, masterKey: MasterKey, vaultId: string): UnlockCacheContents | null {
  const chunks = SealedChunks.open(path.join(dataDir, UNLOCK_CACHE_FILE), masterKey, vaultId);
  if (!chunks) return null;
  try {
    const first = chunks.nextAscii();
    if (!first) return fail(chunks);
    const manifest = JSON.parse(first.text) as Manifest;
    if (first.final && manifest.indexBytes !== 0) return fail(chunks);
    return {
      metas: unpackList(manifest.list),
      nonces: manifest.nonces,
      fingerprint: manifest.fingerprint,
      clientNames: new Map(manifest.clientNames),
      index: indexSource(chunks, manifest.indexBytes, first.final),
      audit: manifest.audit,
    };
  } catch {
    return fail(chunks);
  }
}

function fail(chunks: SealedChunks): null {
  chunks.close();
  return null;
}

/** The index's pieces, opened one per `step` into one buffer. */
function indexSource(chunks: SealedChunks, indexBytes: number, manifestWasFinal: boolean): IndexSource {
  let index: Buffer | null = null;
  let filled = 0;
  let final = manifestWasFinal;
  let failed = false;
  const close = () => {
    chunks.close();
    index?.fill(0);
    index = null;
  };
  return {
    step() {
      if (final || failed) return false;
      index ??= largeBuffer(indexBytes);
      const piece = chunks.next();
      if (!piece || filled + piece.message.length > index.length) {
        failed = true;
        return false;
      }
      index.set(piece.message, filled);
      piece.message.fill(0);
      filled += piece.message.length;
      final = piece.final;
      return !final;
    },
    finish() {
      while (this.step());
      const whole = index ?? Buffer.alloc(0);
      const ok = !failed && final && filled === indexBytes && chunks.atEnd();
      index = null;
      close();
      if (ok) return whole;
      whole.fill(0);
      return null;
    },
    close,
  };
}

/**
 * The cache file's chunks in order, each opened as it is read into one reused frame (fresh
 * memory is slow to touch on some machines). Holds the file and the stream key until closed.
 */
class SealedChunks {
  private at = PREFIX_BYTES + BULK_HEADER_BYTES;
  private frame: Buffer = Buffer.alloc(CHUNK + BULK_TAG_BYTES);
  private fd: number | null;

  private constructor(
    fd: number,
    private readonly size: number,
    private readonly opener: BulkOpener,
    private readonly ad: Uint8Array,
  ) {
    this.fd = fd;
  }

  static open(file: string, masterKey: MasterKey, vaultId: string): SealedChunks | null {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return null;
    }
    const { key, ad } = keyAndAd(masterKey, vaultId);
    try {
      const size = fs.fstatSync(fd).size;
      const prefix = Buffer.from(readAt(fd, PREFIX_BYTES + BULK_HEADER_BYTES, 0));
      const ours = prefix.length === PREFIX_BYTES + BULK_HEADER_BYTES && prefix.subarray(0, MAGIC.length).equals(MAGIC) && prefix[MAGIC.length] === UNLOCK_CACHE_VERSION;
      if (ours) return new SealedChunks(fd, size, bulkOpener(key, prefix.subarray(PREFIX_BYTES)), ad);
    } catch {
      // Unreadable: no cache.
    } finally {
      // The opener holds its own per-file key: the subkey is not needed past this point.
      memzero(key);
    }
    fs.closeSync(fd);
    return null;
  }

  /** The next chunk opened, or null at a read, length or authentication failure. */
  next(): { message: Uint8Array; final: boolean } | null {
    const head = this.nextHead();
    if (!head) return null;
    if (head.length > this.frame.length) this.frame = largeBuffer(head.length);
    const sealed = readInto(head.fd, this.frame, head.length, head.start);
    if (sealed.length !== head.length) return null;
    const message = this.opener.open(sealed, head.final, this.ad);
    return message && { message, final: head.final };
  }

  /** The next chunk as ASCII text (the manifest: several MB), read and opened a piece at a time (bulk-stream.ts, SealedText). */
  nextAscii(): { text: string; final: boolean } | null {
    const head = this.nextHead();
    if (!head) return null;
    const bodyBytes = head.length - BULK_TAG_BYTES;
    const tag = readAt(head.fd, BULK_TAG_BYTES, head.start + bodyBytes);
    const read = (into: Buffer, length: number, offset: number) => readInto(head.fd, into, length, head.start + offset).length;
    const text = this.opener.openAscii({ bodyBytes, tag, read }, head.final, this.ad);
    return text === null ? null : { text, final: head.final };
  }

  /** Reads the next chunk's head and moves past the chunk; null when there is none that fits in the file. */
  private nextHead(): { fd: number; final: boolean; length: number; start: number } | null {
    if (this.fd === null) return null;
    const head = Buffer.from(readAt(this.fd, HEAD_BYTES, this.at));
    if (head.length !== HEAD_BYTES) return null;
    const final = head[0] === 1;
    const length = head.readUInt32LE(1);
    if (length < BULK_TAG_BYTES || this.at + HEAD_BYTES + length > this.size) return null;
    const start = this.at + HEAD_BYTES;
    this.at = start + length;
    return { fd: this.fd, final, length, start };
  }

  /** Every byte of the file was read: nothing follows the final chunk. */
  atEnd(): boolean {
    return this.at === this.size;
  }

  close(): void {
    if (this.fd === null) return;
    fs.closeSync(this.fd);
    this.fd = null;
    this.opener.done();
  }
}

/** After a restore or for a new vault: the old cache belongs to another database. */
export function removeUnlockCache(dataDir: string): void {
  fs.rmSync(path.join(dataDir, UNLOCK_CACHE_FILE), { force: true });
}
