import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWindowsVolumes } from '../../../../src-main/core/drives/windows-volumes';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/drives/windows');
const json = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('Windows: PowerShell output', () => {
  it('a stick, a USB SSD without a label and a read-only card; an empty card reader is skipped', () => {
    expect(parseWindowsVolumes(json('three-drives-and-empty-reader.json'))).toEqual([
      { label: 'KINGSTON', mountPath: 'E:\\', fileSystem: 'FAT32', readOnly: false },
      { label: 'USB drive (F:)', mountPath: 'F:\\', fileSystem: 'exFAT', readOnly: false },
      { label: 'CARD', mountPath: 'H:\\', fileSystem: 'FAT16', readOnly: true },
    ]);
  });

  it('one drive printed as an object (Windows PowerShell 5.1), with a byte-order mark and CRLF', () => {
    expect(parseWindowsVolumes(json('one-drive-powershell-5.json'))).toEqual([{ label: 'KINGSTON', mountPath: 'E:\\', fileSystem: 'NTFS', readOnly: false }]);
  });

  it('no drives, no output, or something that is not JSON: no drives, no error', () => {
    expect(parseWindowsVolumes(json('none.json'))).toEqual([]);
    expect(parseWindowsVolumes(json('empty-output.json'))).toEqual([]);
    expect(parseWindowsVolumes('Get-CimInstance : Access denied')).toEqual([]);
    expect(parseWindowsVolumes('[{"DeviceID":"C:\\\\Windows","FileSystem":"NTFS","Size":1}]')).toEqual([]);
  });

});
