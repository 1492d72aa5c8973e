import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ageEncryptToRecipient, ageEncryptWithPassphrase, parseAgeRecipient } from '../../../../src-main/core/crypto/age-file';
import { initCrypto, randomBytes } from '../../../../src-main/core/crypto/sodium';
import { newTransferPassphrase } from '../../../../src-main/core/transfer/transfer-passphrase';
import { ageCliVersion, ageDecryptWithIdentity, ageDecryptWithPassphrase, ageKeygen } from '../../../helpers/age-cli';
import { tempDir } from '../../../helpers/disk';

beforeAll(async () => {
  await initCrypto();
  ageCliVersion();
});

function written(bytes: Uint8Array): string {
  const file = path.join(tempDir('sv-age-in-'), 'record.pdf.age');
  fs.writeFileSync(file, bytes);
  return file;
}

describe('age files open with the standard age tool', () => {
  it('to a public key from age-keygen: age --decrypt -i gives the exact bytes back', async () => {
    const { identityFile, publicKey } = ageKeygen();
    const plain = randomBytes(300_000);
    const sealed = await ageEncryptToRecipient(plain, publicKey);
    expect(Buffer.from(sealed.subarray(0, 22)).toString()).toBe('age-encryption.org/v1\n');
    expect(ageDecryptWithIdentity(written(sealed), identityFile).equals(Buffer.from(plain))).toBe(true);
    // Another clinician's key does not open it.
    expect(() => ageDecryptWithIdentity(written(sealed), ageKeygen().identityFile)).toThrow(/no identity matched/);
  });

  it('with a passphrase the app made: age asks for it at its prompt and gives the exact bytes back; a wrong one fails', async () => {
    const passphrase = newTransferPassphrase();
    const plain = randomBytes(100_000);
    const file = written(await ageEncryptWithPassphrase(plain, passphrase));
    const opened = ageDecryptWithPassphrase(file, passphrase);
    expect(opened.ok && opened.plain.equals(Buffer.from(plain))).toBe(true);
    const wrong = ageDecryptWithPassphrase(file, newTransferPassphrase());
    expect(wrong).toMatchObject({ ok: false, error: expect.stringContaining('incorrect passphrase') });
  }, 60_000);
});

describe('transfer passphrases and recipients', () => {
  it('a passphrase is 6 groups of 4 lower-case base32 characters (120 bits), new each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = newTransferPassphrase();
      expect(p).toMatch(/^([a-z2-7]{4}-){5}[a-z2-7]{4}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });

  it('accepts an age public key as age-keygen prints it, in either case; refuses typos, secret keys, SSH and plugin keys', () => {
    const { publicKey, identityFile } = ageKeygen();
    expect(parseAgeRecipient(`  ${publicKey}\n`)).toBe(publicKey);
    expect(parseAgeRecipient(publicKey.toUpperCase())).toBe(publicKey);
    const typo = publicKey.slice(0, 20) + (publicKey[20] === 'q' ? 'p' : 'q') + publicKey.slice(21);
    expect(parseAgeRecipient(typo)).toBeNull();
    expect(parseAgeRecipient(publicKey.slice(0, -1))).toBeNull();
    const secret = /AGE-SECRET-KEY-1[0-9A-Z]+/.exec(fs.readFileSync(identityFile, 'utf8'))![0];
    expect(parseAgeRecipient(secret)).toBeNull();
    expect(parseAgeRecipient('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHrM2RnbbHS4Y6vXyV1zuqBOJbk8RsH8S5GLo9H3Nqv7')).toBeNull();
    expect(parseAgeRecipient('age1yubikey1qwt50d05nh5vutpdzmlg5wn80xq5negm4uj9ghv0snvdd3yysf5yw3rhl3t')).toBeNull();
    expect(parseAgeRecipient('')).toBeNull();
  });
});
