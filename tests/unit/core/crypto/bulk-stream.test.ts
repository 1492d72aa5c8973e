import { beforeAll, describe, expect, it } from 'vitest';
import { bulkOpener, bulkSealer, type SealedText } from '../../../../src-main/core/crypto/bulk-stream';
import { newMasterKey, searchCacheKey, type BulkKey } from '../../../../src-main/core/crypto/keys';
import { initCrypto } from '../../../../src-main/core/crypto/sodium';

beforeAll(() => initCrypto());

const ad = new TextEncoder().encode('sessionvault/test|vault-1');
const chunks = [Buffer.from('first chunk of the index'), Buffer.from('second'), Buffer.from('the last one')];

function sealAll(key: BulkKey) {
  const sealer = bulkSealer(key);
  const sealed = chunks.map((c, i) => sealer.seal(c, i === chunks.length - 1, ad));
  sealer.done();
  return { header: sealer.header, sealed };
}

/** Opens chunks in the order given, each flagged final when it is the last given. */
function openAll(key: BulkKey, header: Uint8Array, sealed: Uint8Array[], associated = ad): (Buffer | null)[] {
  const opener = bulkOpener(key, header);
  return sealed.map((c, i) => opener.open(c, i === sealed.length - 1, associated));
}

describe('bulk stream (native AES-256-GCM, STREAM construction)', () => {
  it('opens what it sealed, chunk by chunk, and never shows the plaintext in the sealed bytes', () => {
    const key = searchCacheKey(newMasterKey());
    const { header, sealed } = sealAll(key);
    expect(openAll(key, header, sealed).map((b) => b?.toString())).toEqual(chunks.map((c) => c.toString()));
    for (const s of sealed) expect(Buffer.from(s).includes('chunk')).toBe(false);
  });

  it('seals the same bytes differently every time (a fresh salt per stream)', () => {
    const key = searchCacheKey(newMasterKey());
    expect(Buffer.from(sealAll(key).sealed[0]!).equals(Buffer.from(sealAll(key).sealed[0]!))).toBe(false);
  });

  it('refuses a wrong key, other associated data, a flipped bit, reordered chunks and a missing last chunk', () => {
    const key = searchCacheKey(newMasterKey());
    const { header, sealed } = sealAll(key);
    expect(openAll(searchCacheKey(newMasterKey()), header, sealed)[0]).toBeNull();
    expect(openAll(key, header, sealed, new TextEncoder().encode('sessionvault/test|vault-2'))[0]).toBeNull();
    const flipped = sealed.map((c) => Buffer.from(c));
    flipped[1]![0]! ^= 1;
    expect(openAll(key, header, flipped)[1]).toBeNull();
    expect(openAll(key, header, [sealed[1]!, sealed[0]!, sealed[2]!])[0]).toBeNull();
    // Truncated after chunk 2: chunk 2 was sealed as not final, so opening it as the end fails.
    expect(openAll(key, header, sealed.slice(0, 2))[1]).toBeNull();
  });
});

describe('a chunk of several MiB (a backup file may declare chunks of up to 16 MiB)', () => {
  it('opens to exactly its bytes, and not at all with one bit flipped anywhere in it', () => {
    const key = searchCacheKey(newMasterKey());
    const big = Buffer.alloc(3 * 1024 * 1024 + 12345);
    for (let i = 0; i < big.length; i++) big[i] = (i * 131 + (i >> 11)) & 0xff;
    const seal = () => {
      const sealer = bulkSealer(key);
      const sealed = sealer.seal(big, true, ad);
      sealer.done();
      return { header: sealer.header, sealed };
    };
    const { header, sealed } = seal();
    const opened = bulkOpener(key, header).open(sealed, true, ad);
    expect(opened?.length).toBe(big.length);
    expect(opened?.equals(big)).toBe(true);
    for (const at of [0, 1024 * 1024 + 7, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at]! ^= 1;
      expect(bulkOpener(key, header).open(bad, true, ad)).toBeNull();
    }
  });
});

describe('a chunk of ASCII text opened a piece at a time (the unlock cache list)', () => {
  /** The sealed chunk as it lies on disk: the body read through `read`, the tag given apart. */
  const onDisk = (sealed: Buffer): SealedText => {
    const bodyBytes = sealed.length - 16;
    return { bodyBytes, tag: sealed.subarray(bodyBytes), read: (into, length, offset) => sealed.copy(into, 0, offset, offset + length) };
  };

  it('opens to exactly its text across pieces, and not at all with one bit flipped anywhere', () => {
    const key = searchCacheKey(newMasterKey());
    const text = JSON.stringify({ title: '\\u00e9t\\u00e9', words: Array.from({ length: 300_000 }, (_, i) => `w${i}`) });
    const sealer = bulkSealer(key);
    const sealed = sealer.seal(Buffer.from(text), false, ad);
    const next = sealer.seal(Buffer.from('the index'), true, ad);
    sealer.done();
    const opener = bulkOpener(key, sealer.header);
    expect(opener.openAscii(onDisk(sealed), false, ad)).toBe(text);
    // The stream moves on: the next chunk opens as the next one.
    expect(opener.open(next, true, ad)?.toString()).toBe('the index');
    for (const at of [0, 1024 * 1024 + 3, sealed.length - 20, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at]! ^= 1;
      expect(bulkOpener(key, sealer.header).openAscii(onDisk(bad), false, ad)).toBeNull();
    }
    expect(bulkOpener(key, sealer.header).openAscii(onDisk(sealed), true, ad)).toBeNull();
    expect(bulkOpener(key, sealer.header).openAscii({ ...onDisk(sealed), read: () => 0 }, false, ad)).toBeNull();
  });
});
