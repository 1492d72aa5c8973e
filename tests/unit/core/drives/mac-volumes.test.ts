import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { macVolumeFromDiskutil } from '../../../../src-main/core/drives/mac-volumes';
import { parsePlist } from '../../../../src-main/core/drives/plist';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/drives/mac');
const plist = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('macOS: `diskutil info -plist` of each /Volumes entry', () => {
  it('a FAT32 USB stick', () => {
    expect(macVolumeFromDiskutil(plist('kingston-fat32.plist'), '/Volumes/KINGSTON')).toEqual({
      label: 'KINGSTON',
      mountPath: '/Volumes/KINGSTON',
      fileSystem: 'FAT32',
      readOnly: false,
    });
  });

  it('an external APFS SSD (not "removable", but external), with an & in its name', () => {
    expect(macVolumeFromDiskutil(plist('t7-apfs.plist'), '/Volumes/x')).toEqual({
      label: 'Practice & Backups',
      mountPath: '/Volumes/Practice & Backups',
      fileSystem: 'APFS',
      readOnly: false,
    });
  });

  it('an SD card in the built-in reader, locked read-only and without a name', () => {
    expect(macVolumeFromDiskutil(plist('sd-card-locked.plist'), '/Volumes/Untitled')).toEqual({
      label: 'Untitled',
      mountPath: '/Volumes/Untitled',
      fileSystem: 'exFAT',
      readOnly: true,
    });
  });

  it('not the boot volume, not a mounted disk image, not garbage', () => {
    expect(macVolumeFromDiskutil(plist('macintosh-hd.plist'), '/Volumes/Macintosh HD')).toBeNull();
    expect(macVolumeFromDiskutil(plist('installer-dmg.plist'), '/Volumes/SessionVault Installer')).toBeNull();
    expect(macVolumeFromDiskutil('Could not find disk: /Volumes/Gone', '/Volumes/Gone')).toBeNull();
    expect(macVolumeFromDiskutil('<plist><dict><key>A</key>', '/Volumes/Cut')).toBeNull();
    expect(macVolumeFromDiskutil('<plist version="1.0"><array/></plist>', '/Volumes/Odd')).toBeNull();
  });
});

describe('the plist reader', () => {
  it('reads nested dicts and arrays, numbers, booleans and entities', () => {
    const parsed = parsePlist(plist('t7-apfs.plist')) as Record<string, unknown>;
    expect(parsed.APFSPhysicalStores).toEqual([{ APFSPhysicalStore: 'disk5s2' }]);
    expect(parsed.TotalSize).toBe(1000202039296);
    expect(parsed.Removable).toBe(false);
    expect(parsePlist('<plist><dict><key>a</key><string>x &lt;y&gt; &#233;&#x41;</string><key>b</key><array><integer>-3</integer><real>1.5</real></array></dict></plist>')).toEqual({
      a: 'x <y> éA',
      b: [-3, 1.5],
    });
  });
});
