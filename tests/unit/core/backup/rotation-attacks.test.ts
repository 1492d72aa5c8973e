import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { tempDir } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';

/**
 * Someone with the USB drive edits the plaintext headers of backups (dates, counts) without
 * changing their length or size. Rotation and "verified" must follow what this vault sealed in
 * its own backup log, never those headers.
 */
let service: VaultService | undefined;
afterEach(() => {
  service?.close();
  service = undefined;
});

const name = (file: string | undefined) => path.basename(file!);

/** Rewrites the header JSON's `createdAt` in place: same digits count, same file size. */
function redate(file: string, at: number): void {
  const bytes = fs.readFileSync(file);
  const headerEnd = 13 + bytes.readUInt32BE(9);
  const json = bytes.subarray(13, headerEnd).toString('utf8');
  const edited = json.replace(/"createdAt":\d{13}/, `"createdAt":${at}`);
  expect(edited.length).toBe(json.length);
  bytes.write(edited, 13, 'utf8');
  fs.writeFileSync(file, bytes);
}

async function vaultWithBackups(n: number) {
  const clock = { now: Date.UTC(2026, 0, 5, 9, 0, 0) };
  ({ service } = await newService({ now: () => clock.now }));
  value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
  value(await service.invoke('notes.create', { title: 'A', body: 'b' }));
  const usb = tempDir('sv-usb-');
  const folder = await pick(service, 'backup-folder', usb);
  const made: string[] = [];
  for (let i = 0; i < n; i++) {
    clock.now += 60_000;
    made.push(value(await service.invoke('backup.create', { folder, keep: 100 })).path);
  }
  return { clock, usb, folder, made, svc: service };
}

describe('rotation and "verified" cannot be steered from the drive', () => {
  it('an old backup re-dated to look newest is neither kept in place of good ones nor counted: the good ones stay', async () => {
    const { clock, folder, made, svc } = await vaultWithBackups(4);
    // The oldest backup now claims to be from next year.
    redate(made[0]!, Date.UTC(2027, 0, 1));
    clock.now += 60_000;
    const last = value(await svc.invoke('backup.create', { folder, keep: 2 }));
    // Kept: the new one and the newest good one. Removed: the older good ones. The edited file: neither.
    expect(last.removed.sort()).toEqual([made[1], made[2]].sort());
    expect(fs.existsSync(last.path)).toBe(true);
    expect(fs.existsSync(made[3]!)).toBe(true);
    expect(fs.existsSync(made[0]!)).toBe(true);
    const list = value(await svc.invoke('backup.list', { folder }));
    expect(list.find((b) => b.name === name(made[0]))).toMatchObject({ state: 'changed', verified: false, detailsVerified: false });
    expect(list.filter((b) => b.verified).map((b) => b.name).sort()).toEqual([name(last.path), name(made[3])].sort());
  });

  it('never deletes the file it has just written, whatever dates the other files claim', async () => {
    const { clock, folder, made, svc } = await vaultWithBackups(2);
    redate(made[0]!, Date.UTC(2027, 0, 1));
    redate(made[1]!, Date.UTC(2027, 0, 2));
    clock.now += 60_000;
    const last = value(await svc.invoke('backup.create', { folder, keep: 1 }));
    expect(fs.existsSync(last.path)).toBe(true);
    expect(last.removed).toEqual([]);
    expect(made.every((f) => fs.existsSync(f))).toBe(true);
  });

  it('orders by the times this vault sealed: two files with their dates swapped keep their true order', async () => {
    const { clock, folder, made, svc } = await vaultWithBackups(3);
    const [a, b] = [made[0]!, made[1]!];
    // Swapping names makes each file's bytes differ from what was sealed for its path: both read as changed.
    const tmp = `${a}.swap`;
    fs.renameSync(a, tmp);
    fs.renameSync(b, a);
    fs.renameSync(tmp, b);
    clock.now += 60_000;
    const last = value(await svc.invoke('backup.create', { folder, keep: 1 }));
    // Only the one good older file may go; the two swapped files are kept (not verified as they are).
    expect(last.removed).toEqual([made[2]]);
    const states = Object.fromEntries(value(await svc.invoke('backup.list', { folder })).map((x) => [x.name, x.state]));
    expect(states).toEqual({ [name(a)]: 'changed', [name(b)]: 'changed', [name(last.path)]: 'verified' });
  });

  it('a file whose bytes changed since it was verified is listed as changed; verify then says why and it reads as failed', async () => {
    const { folder, made, svc } = await vaultWithBackups(2);
    // A byte of the plaintext header (the note count) and a byte of the stream header.
    const counted = fs.readFileSync(made[0]!);
    const at = counted.indexOf('"note":1');
    counted[at + 7] = '7'.charCodeAt(0);
    fs.writeFileSync(made[0]!, counted);
    const streamEdited = fs.readFileSync(made[1]!);
    streamEdited[13 + streamEdited.readUInt32BE(9) + 3]! ^= 0x40;
    fs.writeFileSync(made[1]!, streamEdited);
    const list = value(await svc.invoke('backup.list', { folder }));
    expect(list.map((b) => [b.name, b.state, b.verified])).toEqual(made.map((f) => [name(f), 'changed', false]).reverse());
    const first = list.find((b) => b.name === name(made[0]))!;
    expect(first.notes).toBe(7); // shown, but labelled unverified
    expect(first.detailsVerified).toBe(false);
    expect(await svc.invoke('backup.verify', { backup: first.handle })).toMatchObject({ ok: false, error: { code: 'BACKUP_CORRUPT' } });
    expect(value(await svc.invoke('backup.list', { folder })).find((b) => b.name === name(made[0]))!.state).toBe('failed');
  });

  it('header details of a backup this vault never verified, or listed while locked, are marked unverified', async () => {
    const { usb, folder, made, svc } = await vaultWithBackups(1);
    const copy = path.join(usb, 'SessionVault-2020-01-01-000000.svbackup');
    fs.copyFileSync(made[0]!, copy);
    const list = value(await svc.invoke('backup.list', { folder }));
    expect(list.find((b) => b.name === name(copy))).toMatchObject({ state: 'not-verified', verified: false, detailsVerified: false, sameVault: true });
    expect(list.find((b) => b.name === name(made[0]))).toMatchObject({ state: 'verified', detailsVerified: true });
    value(await svc.invoke('vault.lock', {}));
    for (const b of value(await svc.invoke('backup.list', { folder }))) expect(b).toMatchObject({ verified: false, detailsVerified: false });
  });
});
