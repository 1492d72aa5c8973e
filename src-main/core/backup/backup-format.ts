import { z } from 'zod';
import { vaultHeaderSchema } from '../vault/vault-header';

/**
 * The .svbackup wire format (docs/backup-format.md), versions 1 and 2:
 *
 *   "SVBACKUP" | version (1 byte) | header length (u32 BE) | header JSON (UTF-8)
 *   | stream header (v1: 24-byte secretstream header, v2: 16-byte salt)
 *   | chunks: sealed length (u32 BE) + sealed bytes …
 *
 * Everything before the stream header is the "prefix"; it is plaintext (so a fresh install can
 * find the KDF settings and wrapped keys) and bound as associated data (v1: of chunk 0, v2: of
 * every chunk). The body encryption of each version: backup-stream.ts.
 */
export const MAGIC = new TextEncoder().encode('SVBACKUP');
/** The version the app writes; it reads every version from 1 up to this one. */
export const FORMAT_VERSION = 2;
export type BackupVersion = 1 | 2;
/** Plaintext bytes per chunk the app writes (version 1 files have 64 KiB chunks). */
export const CHUNK_BYTES = 1024 * 1024;
export const BACKUP_EXTENSION = '.svbackup';
/** Bounds that keep a hostile file from making us allocate gigabytes before it is authenticated. */
export const MAX_HEADER_BYTES = 64 * 1024;
export const MIN_CHUNK_BYTES = 256;
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
const FIXED_BYTES = MAGIC.length + 1 + 4;

export const backupCountsSchema = z.object({
  /** Every stored revision (rows of `records`). */
  records: z.number().int().min(0),
  /** Current records per kind (rows of `heads`), e.g. { note: 12, client: 3 }. */
  byKind: z.record(z.string(), z.number().int().min(0)),
});

export const backupHeaderSchema = z.object({
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.number(),
  chunkBytes: z.number().int().min(MIN_CHUNK_BYTES).max(MAX_CHUNK_BYTES),
  snapshotBytes: z.number().int().min(1),
  counts: backupCountsSchema,
  /** A copy of the vault's own header: KDF settings, salt, key-file flag, both wrapped master keys. */
  vault: vaultHeaderSchema,
});

export type BackupHeader = z.infer<typeof backupHeaderSchema>;
export type BackupCounts = z.infer<typeof backupCountsSchema>;

/** The prefix the app writes (the current version). */
export function encodePrefix(header: BackupHeader): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(FIXED_BYTES + json.length);
  out.set(MAGIC, 0);
  out[MAGIC.length] = FORMAT_VERSION;
  new DataView(out.buffer).setUint32(MAGIC.length + 1, json.length, false);
  out.set(json, FIXED_BYTES);
  return out;
}

/** Why a prefix could not be decoded; the reader maps this to an error code. */
export type PrefixProblem = 'not-backup' | 'newer-version' | 'damaged';
export type DecodedPrefix = { ok: true; version: BackupVersion; header: BackupHeader; prefixBytes: number } | { ok: false; problem: PrefixProblem };

/** How many bytes to read to know the prefix length (then call with at least that many). */
export function prefixLength(start: Uint8Array): number | null {
  if (start.length < FIXED_BYTES) return null;
  return FIXED_BYTES + new DataView(start.buffer, start.byteOffset, start.byteLength).getUint32(MAGIC.length + 1, false);
}

/** Decodes magic, version and header JSON. Nothing here is trusted until chunk 0 authenticates it. */
export function decodePrefix(bytes: Uint8Array): DecodedPrefix {
  if (bytes.length < FIXED_BYTES || !MAGIC.every((b, i) => bytes[i] === b)) return { ok: false, problem: 'not-backup' };
  const version = bytes[MAGIC.length]!;
  if (version > FORMAT_VERSION) return { ok: false, problem: 'newer-version' };
  const known: BackupVersion | null = version === 1 ? 1 : version === 2 ? 2 : null;
  if (known === null) return { ok: false, problem: 'damaged' };
  const total = prefixLength(bytes)!;
  if (total - FIXED_BYTES > MAX_HEADER_BYTES || bytes.length < total) return { ok: false, problem: 'damaged' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(FIXED_BYTES, total)));
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  const result = backupHeaderSchema.safeParse(parsed);
  if (!result.success || result.data.vault.vaultId !== result.data.vaultId) return { ok: false, problem: 'damaged' };
  return { ok: true, version: known, header: result.data, prefixBytes: total };
}

export function encodeChunkLength(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, false);
  return out;
}

export function decodeChunkLength(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, false);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `SessionVault-<YYYY-MM-DD>-<HHMMSS>.svbackup`, in the computer's local time (what the clinician sees). */
export function backupFileName(at: number): string {
  const d = new Date(at);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  return `SessionVault-${date}-${time}${BACKUP_EXTENSION}`;
}

export const BACKUP_NAME_PATTERN = /^SessionVault-\d{4}-\d{2}-\d{2}-\d{6}(-\d+)?\.svbackup$/;
