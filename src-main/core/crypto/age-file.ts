// The only importer of age-encryption (lint-enforced), for transfer-of-care files.
import { Encrypter, Stanza, type Recipient } from 'age-encryption';
import { agePassphraseKey, AGE_SCRYPT_LOG_N } from './keys';
import { memzero, randomBytes, sealAgeFileKey } from './sodium';

/**
 * age (age-encryption.org/v1) by `age-encryption`, the TypeScript implementation from the age
 * authors (FiloSottile/typage, on the noble libraries): a file the plain `age` tool opens, with
 * nothing SessionVault-specific in it. To an X25519 or hybrid post-quantum public key, or with a
 * passphrase (age's scrypt recipient).
 */

const BECH32 = /^[02-9ac-hj-np-z]+$/;

/**
 * An age public key as age-keygen prints it ("age1…" X25519, or "age1pq1…" hybrid), or null.
 * Checked by parsing it (bech32 checksum, key length) as the encrypter will. Plugin and tag
 * recipients (age1tag1…, age1yubikey1…) are refused: opening those needs more than the plain `age` tool.
 */
export function parseAgeRecipient(text: string): string | null {
  const trimmed = text.trim();
  // bech32 is case-insensitive but never mixed; age-keygen prints lower case.
  const key = trimmed === trimmed.toUpperCase() ? trimmed.toLowerCase() : trimmed;
  if (!key.startsWith('age1') || !BECH32.test(key.slice(4)) || key.length > 4096) return null;
  const x25519 = key.length === 62;
  if (!x25519 && !key.startsWith('age1pq1')) return null;
  try {
    new Encrypter().addRecipient(key);
    return key;
  } catch {
    return null;
  }
}

/** The whole document encrypted to one age public key (binary age format, not armored). */
export async function ageEncryptToRecipient(plain: Uint8Array, recipient: string): Promise<Uint8Array> {
  const key = parseAgeRecipient(recipient);
  if (!key) throw new RangeError('Not an age recipient.');
  const e = new Encrypter();
  e.addRecipient(key);
  return e.encrypt(plain);
}

/**
 * age's scrypt stanza (age-encryption.org/v1, "scrypt" recipient), with scrypt run by Node on its
 * thread pool: the library's own passphrase path runs scrypt (2^18, 256 MiB, seconds) on the
 * calling thread, which would freeze the main process, its IPC and its idle lock meanwhile.
 */
class PassphraseRecipient implements Recipient {
  constructor(private readonly passphrase: string) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await agePassphraseKey(this.passphrase, salt);
    try {
      const body = sealAgeFileKey(key, fileKey);
      return [new Stanza(['scrypt', Buffer.from(salt).toString('base64').replace(/=+$/, ''), String(AGE_SCRYPT_LOG_N)], body)];
    } finally {
      memzero(key);
    }
  }
}

/** The whole document encrypted with a passphrase: the file's only recipient is age's scrypt one. */
export async function ageEncryptWithPassphrase(plain: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const e = new Encrypter();
  e.addRecipient(new PassphraseRecipient(passphrase));
  return e.encrypt(plain);
}
