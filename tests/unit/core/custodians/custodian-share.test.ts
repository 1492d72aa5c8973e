import { beforeAll, describe, expect, it } from 'vitest';
import { newCustodianKey, newRecoveryKey } from '../../../../src-main/core/crypto/keys';
import { combineCustodianShares, splitCustodianKey } from '../../../../src-main/core/crypto/shamir';
import { initCrypto, randomBytes, toHex } from '../../../../src-main/core/crypto/sodium';
import { decodeShare, encodeShare } from '../../../../src-main/core/custodians/custodian-share';
import { encodeRecoveryKey } from '../../../../src-main/core/vault/recovery-key';
import { kitText, shareFromKitText } from '../../../../src-shared/custodian-kit';

beforeAll(() => initCrypto());

const SPLIT = 'a1b2c3' + '00'.repeat(13);

describe('custodian share text', () => {
  it('is "SVCS" and 16 groups of 4 base32 characters, and round-trips share and split tag', async () => {
    for (let i = 0; i < 50; i++) {
      const [share] = await splitCustodianKey(newCustodianKey(), 3, 2);
      const text = encodeShare(share!, SPLIT);
      expect(text).toMatch(/^SVCS(-[A-Z2-7]{4}){16}$/);
      const decoded = decodeShare(text);
      expect(decoded).toMatchObject({ ok: true, tag: 'a1b2c3' });
      if (decoded.ok) expect(toHex(decoded.share)).toBe(toHex(share!));
    }
  });

  it('is read forgivingly: lower case, spaces, no prefix, 0/1/8 for O/I/B', async () => {
    const [share] = await splitCustodianKey(newCustodianKey(), 2, 2);
    const text = encodeShare(share!, SPLIT);
    const expected = toHex(share!);
    for (const variant of [
      text.toLowerCase().replace(/-/g, ' '),
      text.slice(5),
      `  ${text.replace(/-/g, '')}\n`,
      text.replace(/O/g, '0').replace(/I/g, '1').replace(/B/g, '8'),
    ]) {
      const d = decodeShare(variant);
      expect(d.ok && toHex(d.share)).toBe(expected);
    }
  });

  it('names a typo (checksum), an incomplete share and a Recovery Key typed as a share', async () => {
    const [share] = await splitCustodianKey(newCustodianKey(), 2, 2);
    const text = encodeShare(share!, SPLIT);
    const groups = text.split('-');
    const typoGroup = groups[7]!.replace(/^./, (c) => (c === 'A' ? 'C' : 'A'));
    expect(decodeShare([...groups.slice(0, 7), typoGroup, ...groups.slice(8)].join('-'))).toEqual({ ok: false, reason: 'checksum' });
    expect(decodeShare(groups.slice(0, -1).join('-'))).toEqual({ ok: false, reason: 'format' });
    expect(decodeShare(text.slice(0, -1) + '9')).toEqual({ ok: false, reason: 'format' });
    expect(decodeShare(encodeRecoveryKey(newRecoveryKey()))).toEqual({ ok: false, reason: 'recovery-key' });
  });
});

describe('Shamir split (shamir-secret-sharing)', () => {
  it('any k of n rebuild the key; k−1 shares and a made-up one give another key', async () => {
    const key = newCustodianKey();
    const shares = await splitCustodianKey(key, 5, 3);
    for (const pick of [[0, 1, 2], [0, 2, 4], [1, 3, 4], [2, 3, 4]]) {
      expect(toHex(await combineCustodianShares(pick.map((i) => shares[i]!)))).toBe(toHex(key));
    }
    const fake = randomBytes(33);
    fake[32] = (shares[0]![32]! % 254) + 1 === shares[1]![32] ? 200 : (shares[0]![32]! % 254) + 1;
    const guessed = await combineCustodianShares([shares[0]!, shares[1]!, fake]);
    expect(toHex(guessed)).not.toBe(toHex(key));
  });

  it('refuses thresholds below 2, above the share count, or more than 10 shares', async () => {
    const key = newCustodianKey();
    await expect(splitCustodianKey(key, 3, 1)).rejects.toThrow();
    await expect(splitCustodianKey(key, 2, 3)).rejects.toThrow();
    await expect(splitCustodianKey(key, 11, 2)).rejects.toThrow();
  });
});

describe('custodian kit file', () => {
  it('holds the share so that the unlock screen reads it back from the whole file, and nothing else is taken for one', async () => {
    const [share] = await splitCustodianKey(newCustodianKey(), 3, 2);
    const text = encodeShare(share!, SPLIT);
    const file = kitText({ vaultId: 'ab'.repeat(16), createdAt: '1 Dec 2026', threshold: 2, count: 3, name: 'Avery', names: ['Avery', 'Casey', 'Pat'], share: text });
    expect(file).toContain('Opens with: any 2 of 3 kits together');
    expect(shareFromKitText(file)).toBe(text);
    expect(shareFromKitText(file.replace(/\n/g, '\r\n'))).toBe(text);
    expect(shareFromKitText(`SessionVault Recovery Kit\n${encodeRecoveryKey(newRecoveryKey())}`)).toBeNull();
  });
});
