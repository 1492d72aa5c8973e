import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, toHex } from '../../../../src-main/core/crypto/sodium';
import { newRecoveryKey, recoveryKeyFromBytes } from '../../../../src-main/core/crypto/keys';
import { decodeRecoveryKey, encodeRecoveryKey } from '../../../../src-main/core/vault/recovery-key';

beforeAll(() => initCrypto());

function decoded(text: string): string {
  const d = decodeRecoveryKey(text);
  if (!d.ok) throw new Error(`not decoded: ${d.reason}`);
  return toHex(d.key);
}

describe('Recovery Key text', () => {
  it('is 14 groups of 4 base32 characters and round-trips for many random keys', () => {
    for (let i = 0; i < 300; i++) {
      const key = newRecoveryKey();
      const text = encodeRecoveryKey(key);
      expect(text).toMatch(/^([A-Z2-7]{4}-){13}[A-Z2-7]{4}$/);
      expect(decoded(text)).toBe(toHex(key));
    }
  });

  it('decodes keys containing L, I, O and B exactly (no look-alike rewriting of real letters)', () => {
    const key = recoveryKeyFromBytes(new Uint8Array(32).fill(0x5a)); // 01011010…: encodes with L ("LJ…")
    const text = encodeRecoveryKey(key);
    expect(text).toMatch(/L/);
    expect(decoded(text)).toBe(toHex(key));
  });

  it('accepts lower case, spaces instead of dashes, and the digits 0/1/8 for O/I/B', () => {
    const key = newRecoveryKey();
    const text = encodeRecoveryKey(key);
    expect(decoded(text.toLowerCase().replace(/-/g, ' '))).toBe(toHex(key));
    expect(decoded(`  ${text.replace(/-/g, '')}\n`)).toBe(toHex(key));
    expect(decoded(text.replace(/O/g, '0').replace(/I/g, '1').replace(/B/g, '8'))).toBe(toHex(key));
  });

  it('reports a changed character as a checksum typo and a wrong length as a format problem', () => {
    const text = encodeRecoveryKey(newRecoveryKey());
    const typo = (text[0] === 'A' ? 'C' : 'A') + text.slice(1);
    expect(decodeRecoveryKey(typo)).toEqual({ ok: false, reason: 'checksum' });
    expect(decodeRecoveryKey(text.slice(0, -5))).toEqual({ ok: false, reason: 'format' });
    expect(decodeRecoveryKey(text.slice(0, -1) + '9')).toEqual({ ok: false, reason: 'format' });
  });
});
