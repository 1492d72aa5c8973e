import { describe, expect, it } from 'vitest';
import { initCrypto } from '../../../../src-main/core/crypto/sodium';
import { FileHandles } from '../../../../src-main/core/files/file-handles';

await initCrypto();

const refused = { code: 'INVALID_INPUT', message: 'That file or folder was not chosen for this. Choose it again.' };

describe('file handles', () => {
  it('are random and opaque: nothing of the path shows, and two choices never share a handle', () => {
    const files = new FileHandles();
    const a = files.issue('key-file', '/media/ann/KEYS/holiday photo.jpg');
    const b = files.issue('key-file', '/media/ann/KEYS/other.jpg');
    expect(a).toMatch(/^fh_[0-9a-f]{32}$/);
    expect(b).not.toBe(a);
    expect(a).not.toMatch(/holiday|KEYS|media/);
    expect(files.resolve(a, 'key-file')).toBe('/media/ann/KEYS/holiday photo.jpg');
  });

  it('serve only the purpose they were chosen for: a key file is not a backup folder, a backup is not an export folder', () => {
    const files = new FileHandles();
    const keyFile = files.issue('key-file', '/media/ann/KEYS/photo.jpg');
    const backup = files.issue('backup-file', '/media/ann/KINGSTON/SessionVault-2026-01-31-180000.svbackup');
    expect(() => files.resolve(keyFile, 'backup-folder')).toThrow(expect.objectContaining(refused));
    expect(() => files.resolve(keyFile, 'backup-file')).toThrow(expect.objectContaining(refused));
    expect(() => files.resolve(backup, 'export-folder')).toThrow(expect.objectContaining(refused));
    expect(() => files.resolve(backup, 'key-file')).toThrow(expect.objectContaining(refused));
    // The same path chosen for another purpose gets its own handle; the first keeps its single use.
    const asFolder = files.issue('backup-folder', '/media/ann/KEYS/photo.jpg');
    expect(asFolder).not.toBe(keyFile);
    expect(() => files.resolve(keyFile, 'backup-folder')).toThrow(expect.objectContaining(refused));
  });

  it('cannot be forged: a made-up handle, a path, or a handle from another run is refused the same way', () => {
    const files = new FileHandles();
    const real = files.issue('backup-folder', '/media/ann/KINGSTON');
    const elsewhere = new FileHandles().issue('backup-folder', '/media/ann/KINGSTON');
    for (const forged of [`fh_${'0'.repeat(32)}`, real.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')), '/etc/passwd', '', elsewhere]) {
      expect(() => files.resolve(forged, 'backup-folder')).toThrow(expect.objectContaining(refused));
    }
  });

  it('the same choice again gets the same handle (polling the drive list adds nothing); the oldest is forgotten past the limit', () => {
    const files = new FileHandles(3);
    const first = files.issue('backup-folder', '/media/ann/KINGSTON/SessionVault Backups');
    expect(files.issue('backup-folder', '/media/ann/KINGSTON/SessionVault Backups/')).toBe(first);
    const others = ['/a', '/b', '/c'].map((p) => files.issue('export-folder', p));
    expect(() => files.resolve(first, 'backup-folder')).toThrow(expect.objectContaining(refused));
    expect(files.resolve(others[2]!, 'export-folder')).toBe('/c');
    // Used recently means kept: /a was touched, so /b is the one forgotten next.
    files.resolve(others[0]!, 'export-folder');
    files.issue('export-folder', '/d');
    expect(files.resolve(others[0]!, 'export-folder')).toBe('/a');
    expect(() => files.resolve(others[1]!, 'export-folder')).toThrow(expect.objectContaining(refused));
  });
});
