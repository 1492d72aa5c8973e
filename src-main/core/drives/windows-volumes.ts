import { z } from 'zod';
import { fileSystemName, type MountedVolume } from './volume';

/**
 * Windows removable drives through PowerShell and CIM, no admin rights: logical disks of
 * DriveType 2 (removable: USB sticks, SD cards) and those on a USB disk (external drives and
 * USB SSDs report DriveType 3). Pure over the JSON it prints; system-drives.ts runs it.
 */
export const WINDOWS_VOLUMES_SCRIPT = [
  "$ErrorActionPreference = 'SilentlyContinue'",
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8',
  "$usb = @(Get-CimInstance Win32_DiskDrive -Filter \"InterfaceType='USB'\" | Get-CimAssociatedInstance -ResultClassName Win32_DiskPartition | Get-CimAssociatedInstance -ResultClassName Win32_LogicalDisk | ForEach-Object { $_.DeviceID })",
  '$disks = @(Get-CimInstance Win32_LogicalDisk | Where-Object { $_.DriveType -eq 2 -or ($_.DriveType -eq 3 -and $usb -contains $_.DeviceID) } | Select-Object DeviceID, VolumeName, FileSystem, Size, FreeSpace, DriveType, Access)',
  'ConvertTo-Json -InputObject $disks -Compress',
].join('; ');

const logicalDisk = z.object({
  DeviceID: z.string().regex(/^[A-Za-z]:$/),
  VolumeName: z.string().nullish(),
  FileSystem: z.string().nullish(),
  Size: z.number().nullish(),
  DriveType: z.number().nullish(),
  /** 1 = readable only, 2 = writable, 3 = both, 0 = unknown. */
  Access: z.number().nullish(),
});

/**
 * The drives in the script's JSON. One disk may come as an object instead of an array (older
 * PowerShell), no disk as empty output. A card reader without a card (no file system) is skipped.
 */
export function parseWindowsVolumes(json: string): MountedVolume[] {
  const text = json.replace(/^\uFEFF/, '').trim();
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const out: MountedVolume[] = [];
  for (const item of items) {
    const disk = logicalDisk.safeParse(item);
    if (!disk.success || !disk.data.FileSystem || !disk.data.Size) continue;
    const letter = disk.data.DeviceID.toUpperCase();
    out.push({
      label: disk.data.VolumeName?.trim() || `USB drive (${letter})`,
      mountPath: `${letter}\\`,
      fileSystem: fileSystemName(disk.data.FileSystem),
      readOnly: disk.data.Access === 1,
    });
  }
  return out;
}
