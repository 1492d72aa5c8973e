// The only importer of libsodium in the project (enforced by lint). Keep the surface small.
// Keys are typed by purpose (keys.ts): each primitive takes only the keys made for it.
// The module object, not a named import: a vector test swaps its randomFillSync for fixed draws.
import nodeCrypto from 'node:crypto';
import sodiumModule from 'libsodium-wrappers-sumo';
import type { AeadKey, AgeScryptKey, CustodianKey, HashKey, Kek, MasterKey, RecoveryKey, StreamKey } from './keys';

type Sodium = typeof sodiumModule;
let sodium: Sodium | undefined;

/** The parts of the Emscripten module under libsodium-wrappers that hold and hand out its heap. */
interface WasmHeap {
  HEAPU8: Uint8Array;
  _malloc(bytes: number): number;
  _free(address: number): void;
}
const wasm = (): WasmHeap => (sodiumModule as unknown as { libsodium: WasmHeap }).libsodium;
const wipesOnFree = new WeakSet<WasmHeap>();
/** Blocks the wrappers hold now (address -> bytes): a block never freed is never wiped. */
const liveBlocks = new Map<number, number>();

/**
 * libsodium-wrappers copies every key, plaintext and result through the WASM heap and frees those
 * copies without wiping them, so a lock would leave the records key and the last note readable
 * there. Every allocation the wrappers make goes through the module's `_malloc`/`_free`: wrapped
 * here, each block is zeroed before it is freed (the size is remembered at allocation).
 */
function wipeHeapOnFree(lib: WasmHeap): void {
  if (wipesOnFree.has(lib)) return;
  wipesOnFree.add(lib);
  const malloc = lib._malloc.bind(lib);
  const free = lib._free.bind(lib);
  lib._malloc = (bytes) => {
    const address = malloc(bytes);
    if (address) liveBlocks.set(address, bytes);
    return address;
  };
  lib._free = (address) => {
    const bytes = liveBlocks.get(address);
    if (bytes !== undefined) {
      lib.HEAPU8.fill(0, address, address + bytes); // HEAPU8 is re-read: the heap may have grown since.
      liveBlocks.delete(address);
    }
    free(address);
  };
}

/** Must be awaited once before any other function here. Idempotent. */
export async function initCrypto(): Promise<void> {
  await sodiumModule.ready;
  if (sodium) return; // Once: the heap-wiping hook must wrap libsodium's free only once.
  wipeHeapOnFree(wasm());
  sodium = sodiumModule;
}

/** Tests only: the WASM heap as it is now (to prove nothing readable is left in it after a lock). */
export function dangerouslyReadWasmHeap(): Uint8Array {
  return wasm().HEAPU8;
}

/** Tests only: how many blocks the wrappers allocated and have not freed (a leak keeps its bytes). */
export function dangerouslyCountLiveWasmBlocks(): number {
  return liveBlocks.size;
}

function s(): Sodium {
  if (!sodium) throw new Error('crypto not initialised');
  return sodium;
}

export const KEY_BYTES = 32;
export const SALT_BYTES = 16;
export const AEAD_NONCE_BYTES = 24;
export const AEAD_TAG_BYTES = 16;

export interface KdfParams {
  opsLimit: number;
  memLimitBytes: number;
}

/** The floor for real vaults (DESIGN §4). */
export const KDF_MIN: KdfParams = { opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 };

/**
 * `n` bytes from the operating system's CSPRNG, in one call. Not libsodium's randombytes_buf: its
 * WASM build asks the same source for 4 bytes per call, through a JS round trip each, which took
 * ~0.15 ms of every save (one nonce).
 */
export function randomBytes(n: number): Uint8Array {
  return nodeCrypto.randomFillSync(new Uint8Array(n));
}

/**
 * Argon2id13 password hash -> 32-byte KEK. Takes ~0.5–1 s at calibrated parameters and blocks
 * its thread: the vault derives through password-kdf.ts (native Argon2id, or this on the KDF
 * worker thread where native cannot load), never directly.
 */
export function deriveKekFromPassword(password: string, salt: Uint8Array, params: KdfParams): Kek {
  return s().crypto_pwhash(
    KEY_BYTES,
    password,
    salt,
    params.opsLimit,
    params.memLimitBytes,
    s().crypto_pwhash_ALG_ARGON2ID13,
  ) as Kek;
}

/**
 * crypto_kdf_derive_from_key: a 32-byte key from a parent key, a u64 id and an 8-character
 * context (BLAKE2b-256 keyed by the parent, salt = id, personal = context). keys.ts names every use.
 */
export function deriveFromKey(parent: MasterKey | RecoveryKey | CustodianKey, id: number, context: string): Uint8Array {
  const key = s().crypto_kdf_derive_from_key(KEY_BYTES, id, context, parent);
  scrubWasmStack();
  return key;
}

/** All-zero and public: what scrubbing leaves behind on the stack is worth nothing. */
const SCRUB_KEY = new Uint8Array(KEY_BYTES);
const SCRUB_NONCE = new Uint8Array(AEAD_NONCE_BYTES);
/** 63 bytes: ChaCha20 copies a final partial block (< 64 bytes) through a stack buffer; this fills it. */
const SCRUB_MESSAGE = new Uint8Array(63);

/**
 * libsodium leaves some results in stack buffers it does not wipe: BLAKE2b its final output (so a
 * derived key, or a keyed hash used as a key), ChaCha20 the last partial block of what it
 * encrypted or decrypted (so the end of a note). Every call from JS enters at the same stack top,
 * so calling the same entry points again with public input overwrites exactly those slots. Run
 * after each derivation, after a keyed hash whose result is a key, and at lock.
 */
export function scrubWasmStack(): void {
  const lib = s();
  lib.crypto_kdf_derive_from_key(KEY_BYTES, 0, 'SVscrub_', SCRUB_KEY);
  lib.crypto_generichash(64, SCRUB_KEY, SCRUB_KEY);
  const sealed = lib.crypto_aead_xchacha20poly1305_ietf_encrypt(SCRUB_MESSAGE, null, null, SCRUB_NONCE, SCRUB_KEY);
  lib.crypto_aead_xchacha20poly1305_ietf_decrypt(null, sealed, null, SCRUB_NONCE, SCRUB_KEY);
}

/**
 * XChaCha20-Poly1305 (IETF) with a fresh random 24-byte nonce.
 * Returns nonce (24 bytes) and ciphertext (plaintext length + 16-byte tag) separately.
 */
export function seal(key: AeadKey, plaintext: Uint8Array, ad: Uint8Array): { nonce: Uint8Array; ciphertext: Uint8Array } {
  const nonce = randomBytes(AEAD_NONCE_BYTES);
  const ciphertext = s().crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key);
  return { nonce, ciphertext };
}

/** Opens what `seal` made; returns null when the key, nonce, ciphertext or AD do not match. */
export function open(key: AeadKey, nonce: Uint8Array, ciphertext: Uint8Array, ad: Uint8Array): Uint8Array | null {
  if (nonce.length !== AEAD_NONCE_BYTES || ciphertext.length < AEAD_TAG_BYTES) return null;
  try {
    return s().crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, ad, nonce, key);
  } catch {
    return null; // libsodium throws on authentication failure; callers want a value.
  }
}

/**
 * `open` with its key already given. From `withOpener`, the plaintext is a view into the WASM
 * heap, valid only until the next call: read it (decode, parse) at once and never keep it.
 */
export type OpenOne = (nonce: Uint8Array, ciphertext: Uint8Array, ad: Uint8Array) => Uint8Array | null;

/**
 * `OpenOne` from text: `sealedHex` is the nonce then the ciphertext in hex (as SQLite's
 * `hex(nonce) || hex(ciphertext)` gives them), `ad` is text. For many small records: a blob read
 * from SQLite costs a buffer of its own (~2 µs, and as much again to collect), more than opening
 * it; hex is a string, written straight into the WASM heap.
 */
export type OpenHex = (sealedHex: string, ad: string) => Uint8Array | null;

/** The raw export the wrappers call for `open` (lengths are u64 as two u32 halves). */
interface RawAeadOpen {
  _crypto_aead_xchacha20poly1305_ietf_decrypt(
    m: number, mlenP: number, nsec: number, c: number, clenLo: number, clenHi: number,
    ad: number, adlenLo: number, adlenHi: number, npub: number, k: number,
  ): number;
}

/**
 * Opens many records with one key (unlock reads every note and audit entry): the same AEAD as
 * `open`, called on one reused block of the WASM heap instead of six copies allocated, wiped and
 * freed per record, which cost more than the decryption itself. Each plaintext is handed out in
 * place (no copy per record); the block (key, last inputs, last plaintext) is zeroed and freed
 * when `fn` returns or throws. Block: key | nonce | ciphertext | AD | plaintext.
 */
export function withOpener<T>(key: AeadKey, fn: (open: OpenOne, openHex: OpenHex) => T): T {
  s();
  const lib = wasm() as WasmHeap & RawAeadOpen;
  const fixed = KEY_BYTES + AEAD_NONCE_BYTES;
  let capacity = 0;
  let base = 0;
  let view: Buffer | null = null; // The heap as a Buffer, for writing text into it.
  /** Room for a ciphertext and its AD; returns where the plaintext goes. */
  const reserve = (cipherBytes: number, adBytes: number) => {
    const bytes = cipherBytes + adBytes + (cipherBytes - AEAD_TAG_BYTES);
    if (bytes > capacity) {
      if (base) lib._free(base);
      capacity = Math.max(bytes, capacity * 2, 1 << 16);
      base = lib._malloc(fixed + capacity);
      if (!base) throw new Error('out of memory');
      lib.HEAPU8.set(key, base);
    }
    return base + fixed + cipherBytes + adBytes;
  };
  const decrypt = (cipherBytes: number, adBytes: number, m: number): Uint8Array | null => {
    const c = base + fixed;
    const failed = lib._crypto_aead_xchacha20poly1305_ietf_decrypt(m, 0, 0, c, cipherBytes, 0, c + cipherBytes, adBytes, 0, base + KEY_BYTES, base);
    return failed ? null : lib.HEAPU8.subarray(m, m + cipherBytes - AEAD_TAG_BYTES);
  };
  const openOne: OpenOne = (nonce, ciphertext, ad) => {
    if (nonce.length !== AEAD_NONCE_BYTES || ciphertext.length < AEAD_TAG_BYTES) return null;
    const m = reserve(ciphertext.length, ad.length);
    const heap = lib.HEAPU8; // Read after reserve: a grown heap is a new buffer.
    heap.set(nonce, base + KEY_BYTES);
    heap.set(ciphertext, base + fixed);
    heap.set(ad, base + fixed + ciphertext.length);
    return decrypt(ciphertext.length, ad.length, m);
  };
  const openHex: OpenHex = (sealedHex, ad) => {
    const sealedBytes = sealedHex.length / 2;
    const cipherBytes = sealedBytes - AEAD_NONCE_BYTES;
    if (!Number.isInteger(sealedBytes) || cipherBytes < AEAD_TAG_BYTES) return null;
    const adBytes = Buffer.byteLength(ad);
    const m = reserve(cipherBytes, adBytes);
    if (view?.buffer !== lib.HEAPU8.buffer) view = Buffer.from(lib.HEAPU8.buffer);
    // Nonce then ciphertext, as they lie in the block; a character that is not hex stops the write short.
    if (view.write(sealedHex, base + KEY_BYTES, sealedBytes, 'hex') !== sealedBytes) return null;
    view.write(ad, base + fixed + cipherBytes, adBytes);
    return decrypt(cipherBytes, adBytes, m);
  };
  try {
    return fn(openOne, openHex);
  } finally {
    view = null;
    if (base) lib._free(base); // The wiping `_free` zeroes the whole block, key included.
  }
}

/**
 * age's file-key wrap (age-encryption.org/v1): ChaCha20-Poly1305 (IETF) with a 12-byte zero
 * nonce and no AD. Safe only because each such key wraps exactly one 16-byte file key, once.
 */
export function sealAgeFileKey(key: AgeScryptKey, fileKey: Uint8Array): Uint8Array {
  return s().crypto_aead_chacha20poly1305_ietf_encrypt(fileKey, null, null, new Uint8Array(12), key);
}

/** BLAKE2b (libsodium generichash), `bytes` long (default 32); unkeyed with `null` (checksums). */
export function keyedHash(key: HashKey | null, message: Uint8Array, bytes = 32): Uint8Array {
  return s().crypto_generichash(bytes, message, key);
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && s().memcmp(a, b);
}

/** Overwrites key material in place. Call on lock and on quit. */
export function memzero(...buffers: (Uint8Array | undefined | null)[]): void {
  for (const b of buffers) if (b) s().memzero(b);
}

// --- secretstream (backup files of format 1, read only) --------------------------------------

export const STREAM_HEADER_BYTES = 24;
export const STREAM_ABYTES = 17;

/** A secretstream state lives in the WASM heap and the wrappers never free it: freeing it through the wiping `_free` zeroes its key. */
function freeStreamState(state: unknown): void {
  if (typeof state === 'number' && state !== 0) wasm()._free(state);
}

export interface StreamPuller {
  /** Null when the chunk fails authentication or is out of order. */
  pull(chunk: Uint8Array, ad?: Uint8Array): { message: Uint8Array; final: boolean } | null;
  /** Wipes and frees the stream state; call once, when done. */
  done(): void;
}

/** Null when the header is not a valid stream header for this key. */
export function streamPuller(key: StreamKey, header: Uint8Array): StreamPuller | null {
  if (header.length !== STREAM_HEADER_BYTES) return null;
  let state: ReturnType<Sodium['crypto_secretstream_xchacha20poly1305_init_pull']>;
  try {
    state = s().crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  } catch {
    return null;
  }
  let live = true;
  return {
    pull(chunk, ad) {
      if (chunk.length < STREAM_ABYTES) return null;
      let res: { message: Uint8Array; tag: number } | false;
      try {
        res = s().crypto_secretstream_xchacha20poly1305_pull(state, chunk, ad ?? null, 'uint8array');
      } catch {
        return null;
      }
      if (!res) return null;
      return { message: res.message, final: res.tag === s().crypto_secretstream_xchacha20poly1305_TAG_FINAL };
    },
    done() {
      if (live) freeStreamState(state);
      live = false;
    },
  };
}

export function toHex(bytes: Uint8Array): string {
  return s().to_hex(bytes);
}

export function fromHex(hex: string): Uint8Array {
  return s().from_hex(hex);
}
