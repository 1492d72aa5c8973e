import { describe, expect, it } from 'vitest';
import { assertRoomFor } from '../../../../src-main/core/backup/backup-room';
import { FAT_MAX_FILE_BYTES, fatWarning, formatSize } from '../../../../src-main/core/drives/drive-space';
import { tempDir } from '../../../helpers/disk';

const GB = 1024 ** 3;
const stick = { label: 'KINGSTON', fileSystem: 'FAT32' };

describe('FAT32 and the 4 GB file limit', () => {
  it('says nothing while the vault is small, or on exFAT, NTFS or APFS whatever its size', () => {
    expect(fatWarning(stick, 40 * 1024 ** 2)).toBeNull();
    expect(fatWarning(stick, 2.9 * GB)).toBeNull();
    expect(fatWarning(stick, null)).toBeNull();
    for (const fileSystem of ['exFAT', 'NTFS', 'APFS', 'ext4']) expect(fatWarning({ label: 'T7', fileSystem }, 5 * GB)).toBeNull();
  });

  it('warns, naming the drive and the size, once a backup is near the limit; and says it no longer fits past it', () => {
    expect(fatWarning(stick, 3.2 * GB)).toBe(
      'KINGSTON is formatted FAT32, which cannot hold a file of 4 GB or more; a backup of this vault is already 3.2 GB. Reformat the drive as exFAT (this erases it) or use another drive.',
    );
    expect(fatWarning({ label: 'CARD', fileSystem: 'FAT16' }, 3.5 * GB)).toContain('CARD is formatted FAT16');
    expect(fatWarning(stick, 4.3 * GB)).toMatch(/^KINGSTON is formatted FAT32, .* is now 4\.3 GB\. Reformat/);
  });

  it('refuses a backup past the limit before writing anything (IO_ERROR naming the drive); just under it passes the check', () => {
    const dir = tempDir('sv-fat-');
    const target = { dir, driveLabel: 'KINGSTON', fileSystem: 'FAT32', createFolder: false };
    expect(() => assertRoomFor(target, FAT_MAX_FILE_BYTES + 1)).toThrow(
      expect.objectContaining({ code: 'IO_ERROR', message: expect.stringMatching(/^KINGSTON is formatted FAT32, .* nothing was written\.$/) }),
    );
    // The same size on exFAT is only a question of free space (this test machine's disk may not hold 4 GB).
    try {
      assertRoomFor({ ...target, fileSystem: 'exFAT' }, FAT_MAX_FILE_BYTES + 1);
    } catch (e) {
      expect(e).toMatchObject({ code: 'DISK_FULL' });
    }
    expect(() => assertRoomFor(target, 1024)).not.toThrow();
  });

  it('sizes read as the file managers show them', () => {
    expect([formatSize(512), formatSize(40 * 1024 ** 2), formatSize(14.2 * GB)]).toEqual(['1 KB', '40 MB', '14.2 GB']);
  });
});
