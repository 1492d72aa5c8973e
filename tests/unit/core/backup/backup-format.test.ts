import { describe, expect, it } from 'vitest';
import {
  BACKUP_NAME_PATTERN,
  backupFileName,
  decodePrefix,
  encodePrefix,
  type BackupHeader,
} from '../../../../src-main/core/backup/backup-format';

const header: BackupHeader = {
  vaultId: 'ab'.repeat(16),
  createdAt: 1_700_000_000_000,
  chunkBytes: 65536,
  snapshotBytes: 12288,
  counts: { records: 3, byKind: { note: 2, client: 1 } },
  vault: {
    format: 1,
    vaultId: 'ab'.repeat(16),
    createdAt: 1_600_000_000_000,
    kdf: { alg: 'argon2id13', opsLimit: 3, memLimitBytes: 268435456, salt: '00'.repeat(16) },
    keyFile: false,
    wrappedByPassword: { nonce: '11'.repeat(24), ciphertext: '22'.repeat(48) },
    wrappedByRecovery: { nonce: '33'.repeat(24), ciphertext: '44'.repeat(48) },
    passwordChangedAt: 1_600_000_000_000,
    recoveryCreatedAt: 1_600_000_000_000,
  },
};

describe('backup prefix', () => {
  it('starts with the magic, version 2 and a big-endian header length, and decodes back', () => {
    const bytes = encodePrefix(header);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('SVBACKUP');
    expect(bytes[8]).toBe(2);
    expect(new DataView(bytes.buffer).getUint32(9, false)).toBe(bytes.length - 13);
    expect(decodePrefix(bytes)).toEqual({ ok: true, version: 2, header, prefixBytes: bytes.length });
  });

  it('still decodes a version-1 prefix, as version 1', () => {
    const bytes = encodePrefix(header);
    bytes[8] = 1;
    expect(decodePrefix(bytes)).toEqual({ ok: true, version: 1, header, prefixBytes: bytes.length });
  });

  it('tells a newer version from a foreign or damaged file', () => {
    const bytes = encodePrefix(header);
    const newer = bytes.slice();
    newer[8] = 3;
    expect(decodePrefix(newer)).toEqual({ ok: false, problem: 'newer-version' });
    const zero = bytes.slice();
    zero[8] = 0;
    expect(decodePrefix(zero)).toEqual({ ok: false, problem: 'damaged' });
    expect(decodePrefix(new TextEncoder().encode('PK\x03\x04 not ours at all'))).toEqual({ ok: false, problem: 'not-backup' });
    expect(decodePrefix(bytes.subarray(0, bytes.length - 1))).toEqual({ ok: false, problem: 'damaged' });
    const otherId = encodePrefix({ ...header, vaultId: 'cd'.repeat(16) });
    expect(decodePrefix(otherId)).toEqual({ ok: false, problem: 'damaged' }); // outer and inner vault ids disagree
  });

  it('names files SessionVault-<YYYY-MM-DD>-<HHMMSS>.svbackup in local time', () => {
    const at = new Date(2026, 2, 7, 9, 5, 3).getTime();
    expect(backupFileName(at)).toBe('SessionVault-2026-03-07-090503.svbackup');
    expect(BACKUP_NAME_PATTERN.test(backupFileName(at))).toBe(true);
  });
});
