import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditChainKey,
  auditSealKey,
  backupBulkKey,
  backupKey,
  backupLogKey,
  custodianKek,
  custodianKeyFromBytes,
  KEK_DERIVATIONS,
  newMasterKey,
  recordsKey,
  recoveryKek,
  recoveryKeyFromBytes,
  searchCacheKey,
  SUBKEYS,
  withKeyFile,
  type Kek,
  type MasterKey,
} from '../../../../src-main/core/crypto/keys';
import { bulkSealer } from '../../../../src-main/core/crypto/bulk-stream';
import { initCrypto, keyedHash, open, seal, streamPuller, toHex } from '../../../../src-main/core/crypto/sodium';

beforeAll(initCrypto);

const MK = Uint8Array.from({ length: 32 }, (_, i) => i) as MasterKey;
const hex = (b: Uint8Array) => toHex(b);

describe('key registry', () => {
  it('gives every derivation its own context and its own (id, context) pair, each 8 ASCII characters', () => {
    const all = [...Object.values(SUBKEYS), ...Object.values(KEK_DERIVATIONS)];
    const contexts = all.map((d) => d.context);
    expect(new Set(contexts).size).toBe(contexts.length);
    expect(new Set(all.map((d) => `${d.id}|${d.context}`)).size).toBe(all.length);
    for (const c of contexts) expect(c).toMatch(/^[\x20-\x7e]{8}$/);
  });

  // Frozen: these bytes come from the code before the registry (deriveSubkey(mk, id, context) in
  // five files). If one changes, existing vaults, backups and caches no longer open.
  it('derives the same bytes as every vault made so far', () => {
    expect({
      records: hex(recordsKey(MK)),
      searchCache: hex(searchCacheKey(MK)),
      auditSeal: hex(auditSealKey(MK)),
      auditChain: hex(auditChainKey(MK)),
      backup: hex(backupKey(MK)),
      backupLog: hex(backupLogKey(MK)),
      backupBulk: hex(backupBulkKey(MK)),
    }).toEqual({
      records: 'a6bfdec8ba55ec4e5bf5db54755e075a3c6b1e33fd50c8cc11b410c446f894d6',
      searchCache: 'a4caf5088cf0ac089aa0911d11ea86960e837ee52e5d4dca6e030716a0fdb256',
      auditSeal: 'a86564d4b77af356f4d93c41f4306dbb7e2136d7882d1b0b460d9ef4eb22d78a',
      auditChain: 'afd01d22623d7ec75c2ba6753e53b510ec087b846aab0e7e72d6d1f1b56ae99f',
      backup: 'cb87c277aa52bdf00a54156358c1372512ab99d32ce00f00f1b2e63c2e2fddc7',
      backupLog: 'f94c897edc04f888bb70a80a26b15ae0fcb0aaf556f48ce3bc97f7002d85a3d8',
      // Backup files of format 2 (computed once with libsodium's crypto_kdf_derive_from_key).
      backupBulk: 'a7b9e9e3f1e30b001a51d1d9a1976244c8c348415de5bea2d05579493a6d3993',
    });
    const rk = recoveryKeyFromBytes(Uint8Array.from({ length: 32 }, (_, i) => 255 - i));
    expect(hex(recoveryKek(rk))).toBe('c1c703755865e0d73b88c11804b065e81f06db95f15e3673796fb9dd1609b0c0');
    // Custodian kits (format 2): the same bytes, another context, another KEK.
    const ck = custodianKeyFromBytes(Uint8Array.from({ length: 32 }, (_, i) => 255 - i));
    expect(hex(custodianKek(ck))).not.toBe(hex(recoveryKek(rk)));
    expect(hex(custodianKek(ck))).toBe(hex(sodium.crypto_kdf_derive_from_key(32, 1, 'SVcustod', ck)));
    const kek = Uint8Array.from({ length: 32 }, (_, i) => (i * 3) % 256) as Kek;
    expect(hex(withKeyFile(kek, new TextEncoder().encode('key file contents')))).toBe(
      '9e9e2fef61f256f6b0611b474c4eda3369f8c1a97ae7937d667270512fbd8b38',
    );
  });

  it('is BLAKE2b-256 keyed by the parent, salt = id (u64 LE), personal = context: what another library can compute', () => {
    for (const [name, d] of Object.entries(SUBKEYS)) {
      const salt = new Uint8Array(16);
      new DataView(salt.buffer).setBigUint64(0, BigInt(d.id), true);
      const personal = new Uint8Array(16);
      personal.set(new TextEncoder().encode(d.context));
      const expected = sodium.crypto_generichash_blake2b_salt_personal(32, MK, salt, personal);
      const derived = { records: recordsKey, searchCache: searchCacheKey, auditSeal: auditSealKey, auditChain: auditChainKey, backup: backupKey, backupLog: backupLogKey, backupBulk: backupBulkKey }[
        name as keyof typeof SUBKEYS
      ](MK);
      expect(hex(derived), name).toBe(hex(expected));
    }
  });

  it('a record sealed with one purpose key does not open with another', () => {
    const mk = newMasterKey();
    const ad = new TextEncoder().encode('ad');
    const { nonce, ciphertext } = seal(recordsKey(mk), new TextEncoder().encode('note'), ad);
    expect(open(auditSealKey(mk), nonce, ciphertext, ad)).toBeNull();
    expect(open(recordsKey(mk), nonce, ciphertext, ad)).not.toBeNull();
  });

  it('accepts only keys made for each primitive (checked by the typecheck step of npm test)', () => {
    const mk = newMasterKey();
    const ad = new Uint8Array(0);
    const bytes = new Uint8Array(32);
    // @ts-expect-error a plain Uint8Array is not a key
    expect(() => seal(bytes, bytes, ad)).not.toThrow();
    // @ts-expect-error a backup key is for secretstream, not for sealing records
    seal(backupKey(mk), bytes, ad);
    // @ts-expect-error the master key itself never seals anything
    seal(mk, bytes, ad);
    // @ts-expect-error a records key does not key a backup stream
    streamPuller(recordsKey(mk), new Uint8Array(24));
    // @ts-expect-error a format-1 backup key does not key the AES stream of format 2
    bulkSealer(backupKey(mk)).done();
    // @ts-expect-error a records key is not a MAC key
    keyedHash(recordsKey(mk), bytes);
    // @ts-expect-error the unlock cache's stream takes the search cache key only
    bulkSealer(backupLogKey(mk)).done();
    // @ts-expect-error subkeys come from the master key only
    recordsKey(backupKey(mk));
  });
});
