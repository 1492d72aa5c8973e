// The only importer of libsodium in the project (enforced by lint). Keep the surface small.
// Keys are typed by purpose (keys.ts): each primitive takes only the keys made for it.
import sodiumModule from 'libsodium-wrappers-sumo';
import type { AeadKey, HashKey, Kek, MasterKey, RecoveryKey, StreamKey } from './keys';

type Sodium = typeof sodiumModule;
let sodium: Sodium | undefined;

/** Must be awaited once before any other function here. Idempotent. */
export async function initCrypto(): Promise<void> {
  await sodiumModule.ready;
  sodium = sodiumModule;
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

export function randomBytes(n: number): Uint8Array {
  return s().randombytes_buf(n);
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
export function deriveFromKey(parent: MasterKey | RecoveryKey, id: number, context: string): Uint8Array {
  return s().crypto_kdf_derive_from_key(KEY_BYTES, id, context, parent);
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

// --- secretstream (backup files) -------------------------------------------------------------

export const STREAM_HEADER_BYTES = 24;
export const STREAM_ABYTES = 17;

export interface StreamPusher {
  header: Uint8Array;
  push(chunk: Uint8Array, final: boolean, ad?: Uint8Array): Uint8Array;
}

export function streamPusher(key: StreamKey): StreamPusher {
  const { state, header } = s().crypto_secretstream_xchacha20poly1305_init_push(key);
  return {
    header,
    push(chunk, final, ad) {
      const tag = final
        ? s().crypto_secretstream_xchacha20poly1305_TAG_FINAL
        : s().crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
      return s().crypto_secretstream_xchacha20poly1305_push(state, chunk, ad ?? null, tag);
    },
  };
}

export interface StreamPuller {
  /** Null when the chunk fails authentication or is out of order. */
  pull(chunk: Uint8Array, ad?: Uint8Array): { message: Uint8Array; final: boolean } | null;
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
  };
}

export function toHex(bytes: Uint8Array): string {
  return s().to_hex(bytes);
}

export function fromHex(hex: string): Uint8Array {
  return s().from_hex(hex);
}
