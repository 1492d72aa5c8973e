import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskOf, linuxRemovableVolumes, parseMountinfo, type SysBlock } from '../../../../src-main/core/drives/linux-mounts';
import { readSysBlock } from '../../../../src-main/core/drives/system-drives';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/drives/linux');
const text = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const MEDIA = ['/media/ann', '/run/media/ann'];

describe('Linux: /proc/self/mountinfo', () => {
  it('reads mount point, source, file system and read-only flag; unescapes spaces; skips lines that are not mounts', () => {
    const mounts = parseMountinfo(text('ubuntu-mountinfo.txt') + '\ngarbage\n\n');
    expect(mounts).toHaveLength(17);
    expect(mounts.find((m) => m.source === '/dev/sdc1')).toEqual({ source: '/dev/sdc1', mountPoint: '/media/ann/MY STICK', fsType: 'exfat', readOnly: false });
    expect(mounts.find((m) => m.source === '/dev/sr0')).toMatchObject({ mountPoint: '/media/ann/CDROM', readOnly: true });
    expect(parseMountinfo(text('fedora-mountinfo.txt')).map((m) => m.mountPoint)).toEqual(['/', '/boot', '/run/media/ann/SDCARD', '/run/media/ann/Encrypted']);
  });
});

describe('Linux: /sys/block', () => {
  it('reads each disk\'s removable flag and its partitions from the folder tree', () => {
    const sys = readSysBlock(path.join(FIXTURES, 'ubuntu-sys-block'));
    expect(sys.sdb).toEqual({ removable: true, partitions: ['sdb1'] });
    expect(sys.nvme0n1).toEqual({ removable: false, partitions: ['nvme0n1p1', 'nvme0n1p2'] });
    expect(sys.sr0).toEqual({ removable: true, partitions: [] });
    expect(readSysBlock(path.join(FIXTURES, 'no-such-folder'))).toEqual({});
  });

  it('finds the whole disk of a partition (the removable flag lives on the disk)', () => {
    const sys = readSysBlock(path.join(FIXTURES, 'ubuntu-sys-block'));
    expect(diskOf('sdb1', sys)).toBe('sdb');
    expect(diskOf('nvme0n1p2', sys)).toBe('nvme0n1');
    expect(diskOf('sr0', sys)).toBe('sr0');
    expect(diskOf('sdz9', sys)).toBeNull();
  });
});

describe('Linux: which mounts are removable drives', () => {
  it('a laptop with a stick, a second stick named with a space, a USB SSD, a CD and a removable disk mounted by hand', () => {
    const sys = readSysBlock(path.join(FIXTURES, 'ubuntu-sys-block'));
    const volumes = linuxRemovableVolumes(text('ubuntu-mountinfo.txt'), sys, MEDIA);
    expect(volumes).toEqual([
      { label: 'KINGSTON', mountPath: '/media/ann/KINGSTON', fileSystem: 'FAT32', readOnly: false },
      { label: 'MY STICK', mountPath: '/media/ann/MY STICK', fileSystem: 'exFAT', readOnly: false },
      // removable=0 (USB SSDs say so), but the desktop mounted it under /media/$USER.
      { label: 'T7', mountPath: '/media/ann/T7', fileSystem: 'exFAT', readOnly: false },
      { label: 'backup', mountPath: '/mnt/backup', fileSystem: 'ext4', readOnly: false },
      { label: 'CDROM', mountPath: '/media/ann/CDROM', fileSystem: 'iso9660', readOnly: true },
    ]);
    // Never the system disk, its EFI partition, snaps, a second internal disk, another user's drive.
    for (const m of ['/', '/boot/efi', '/snap/core22/1380', '/home/ann/data', '/run/user/1000', '/media/bob/OTHER']) {
      expect(volumes.map((v) => v.mountPath)).not.toContain(m);
    }
  });

  it('Fedora: an SD card and an unlocked encrypted stick under /run/media/$USER; not /boot', () => {
    const sys = readSysBlock(path.join(FIXTURES, 'fedora-sys-block'));
    const volumes = linuxRemovableVolumes(text('fedora-mountinfo.txt'), sys, MEDIA);
    expect(volumes.map((v) => [v.label, v.fileSystem])).toEqual([
      ['SDCARD', 'FAT32'],
      ['Encrypted', 'ext4'],
    ]);
  });

  it('a live USB: the stick the system runs from is not offered; a drive hidden by a later mount is not either', () => {
    const sys: SysBlock = {
      sdb: { removable: true, partitions: ['sdb1'] },
      sdc: { removable: true, partitions: ['sdc1'] },
      sde: { removable: true, partitions: ['sde1'] },
    };
    expect(linuxRemovableVolumes(text('live-usb-mountinfo.txt'), sys, MEDIA).map((v) => v.mountPath)).toEqual(['/media/ann/KINGSTON']);
  });

  it('nothing mounted, or no /sys: no drives, no error', () => {
    expect(linuxRemovableVolumes('', {}, MEDIA)).toEqual([]);
    expect(linuxRemovableVolumes(text('ubuntu-mountinfo.txt'), {}, [])).toEqual([]);
  });
});
