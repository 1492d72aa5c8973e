import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDiskEncryption, linuxDmCrypt } from '../../../../src-main/core/checkup/disk-encryption';
import { checkPermissions, tightenPermissions } from '../../../../src-main/core/checkup/permissions';
import { tempDir } from '../../../helpers/disk';

/** A fake / with /proc/mounts and /sys/class/block entries. */
function fakeRoot(mounts: string, blocks: Record<string, { uuid?: string; name?: string; slaves?: string[] }>): string {
  const root = tempDir('sv-fake-root-');
  fs.mkdirSync(path.join(root, 'proc'), { recursive: true });
  fs.writeFileSync(path.join(root, 'proc/mounts'), mounts);
  for (const [name, b] of Object.entries(blocks)) {
    for (const base of ['sys/class/block', 'sys/block']) {
      const dir = path.join(root, base, name);
      fs.mkdirSync(path.join(dir, 'dm'), { recursive: true });
      if (b.uuid) fs.writeFileSync(path.join(dir, 'dm/uuid'), `${b.uuid}\n`);
      if (b.name) fs.writeFileSync(path.join(dir, 'dm/name'), `${b.name}\n`);
      fs.mkdirSync(path.join(dir, 'slaves'), { recursive: true });
      for (const s of b.slaves ?? []) fs.mkdirSync(path.join(dir, 'slaves', s));
    }
  }
  return root;
}
const noDev = () => 0; // major:minor 0:0 is no block device in the fake tree

describe('disk encryption probe (Linux)', () => {
  const dataDir = fs.realpathSync(tempDir('sv-data-'));

  it('finds a LUKS mapping backing the data folder', () => {
    const root = fakeRoot(`/dev/mapper/luks-root / ext4 rw 0 0\n`, { 'dm-0': { uuid: 'CRYPT-LUKS2-abcd-luks-root', name: 'luks-root' } });
    expect(linuxDmCrypt(dataDir, root, noDev)).toBe(true);
  });

  it('finds LUKS under LVM through the slaves of the logical volume', () => {
    const root = fakeRoot(`/dev/mapper/vg-root / ext4 rw 0 0\n`, {
      'dm-1': { uuid: 'LVM-xyz', name: 'vg-root', slaves: ['dm-0'] },
      'dm-0': { uuid: 'CRYPT-LUKS2-abcd-cryptlvm', name: 'cryptlvm' },
    });
    expect(linuxDmCrypt(dataDir, root, noDev)).toBe(true);
  });

  it('a plain partition or a plain LVM volume is not reported as encrypted', () => {
    expect(linuxDmCrypt(dataDir, fakeRoot(`/dev/sda2 / ext4 rw 0 0\n`, { sda2: {} }), noDev)).toBe(false);
    expect(linuxDmCrypt(dataDir, fakeRoot(`/dev/mapper/vg-root / ext4 rw 0 0\n`, { 'dm-0': { uuid: 'LVM-xyz', name: 'vg-root', slaves: ['sda2'] }, sda2: {} }), noDev)).toBe(false);
  });

  it('the longest mount point wins: an encrypted / does not make an unencrypted /home encrypted', () => {
    const home = dataDir.split('/').slice(0, 2).join('/');
    const root = fakeRoot(`/dev/mapper/luks-root / ext4 rw 0 0\n/dev/sdb1 ${home} ext4 rw 0 0\n`, {
      'dm-0': { uuid: 'CRYPT-LUKS2-abcd', name: 'luks-root' },
      sdb1: {},
    });
    expect(linuxDmCrypt(dataDir, root, noDev)).toBe(false);
  });

  it('Windows and anything not found are "unknown", never a guess', () => {
    expect(detectDiskEncryption(dataDir, 'win32')).toEqual({ state: 'unknown' });
    expect(detectDiskEncryption(dataDir, 'freebsd')).toEqual({ state: 'unknown' });
    expect(['on', 'unknown']).toContain(detectDiskEncryption(dataDir, 'linux').state);
  });
});

describe.skipIf(process.platform === 'win32')('vault folder permissions', () => {
  it('reports loose modes and tightens them to 0700/0600', () => {
    const dir = tempDir('sv-perm-');
    fs.writeFileSync(path.join(dir, 'vault.db'), 'x', { mode: 0o644 });
    fs.mkdirSync(path.join(dir, 'sub'), { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    expect(checkPermissions(dir)).toEqual({ ownerOnly: false, loose: 3 });
    expect(tightenPermissions(dir)).toBe(3);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, 'vault.db')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, 'sub')).mode & 0o777).toBe(0o700);
    expect(checkPermissions(dir)).toEqual({ ownerOnly: true, loose: 0 });
    expect(tightenPermissions(dir)).toBe(0);
  });

  it('is not checked on Windows', () => {
    expect(checkPermissions(tempDir(), 'win32')).toBeNull();
  });
});
