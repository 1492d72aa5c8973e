import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../../src-main/core/crypto/sodium';
import { SCHEMA_VERSION } from '../../../../src-main/core/vault/migrations';
import type { VaultService } from '../../../../src-main/service';
import { makeVaultV3 } from '../../../fixtures/make-vault-v3';
import { tempDir } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, TEST_KDF, value } from '../../../helpers/service';

let service: VaultService | undefined;
afterEach(() => {
  service?.close();
  service = undefined;
});
beforeAll(() => initCrypto());

describe('a vault, trail and backup log written before the trail was anchored (audit format 1, backup log 1, schema 3)', () => {
  it('opens: the trail verifies, the logged backup keeps its date, and from the first lock on the trail is anchored', async () => {
    const dataDir = tempDir();
    const usb = tempDir('sv-usb-');
    const fixture = makeVaultV3(dataDir, STRONG_PASSWORD, TEST_KDF, [{ title: 'Before', body: 'Written by schema 3.' }], path.join(usb, 'SessionVault-2026-01-02-091000.svbackup'));
    const fixtureHead = readHead(fixture.file);
    ({ service } = await newService({ dataDir }));
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    expect(value(await service.invoke('notes.get', { id: fixture.notes[0]!.id }))).toMatchObject({ body: 'Written by schema 3.' });
    const trail = [...value(await service.invoke('audit.list', {}))].reverse();
    // Reading the note is recorded too (once per note per session).
    expect(trail.map((e) => [e.seq, e.type])).toEqual([...fixture.trail.map((e) => [e.seq, e.type]), [4, 'vault.unlocked'], [5, 'note.opened']]);
    expect(value(await service.invoke('audit.verify', {}))).toEqual({ ok: true, entries: 5 });
    // The version-1 log's verified backup still counts for the reminder; listed, it asks to be verified again.
    const status = value(await service.invoke('backup.status', {}));
    expect(status).toMatchObject({ lastVerifiedAt: fixture.loggedBackup.createdAt, restoredAt: null });
    expect(status.lastVerified).not.toBeNull();
    // A backup file at the logged path (this vault's, made now and put there): version 1 sealed no fingerprint.
    const made = value(await service.invoke('backup.create', { folder: await pick(service, 'backup-folder', tempDir('sv-usb-new-')) }));
    fs.renameSync(made.path, fixture.loggedBackup.file);
    const folder = await pick(service, 'backup-folder', usb);
    expect(value(await service.invoke('backup.list', { folder }))).toEqual([
      expect.objectContaining({ state: 'recheck', verified: false, detailsVerified: false }),
    ]);
    // The status's handle names the logged file.
    value(await service.invoke('backup.verify', { backup: status.lastVerified! }));
    expect(value(await service.invoke('backup.list', { folder }))).toEqual([expect.objectContaining({ state: 'verified', verified: true, detailsVerified: true })]);
    value(await service.invoke('vault.lock', {}));
    service.close();
    service = undefined;

    const db = new Database(fixture.file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'audit_trail_start'").get()).toBeUndefined();
    db.close();

    // Now anchored: cutting the trail back to the fixture's own head (an older copy's) is noticed.
    const cut = new Database(fixture.file);
    cut.prepare('DELETE FROM audit WHERE seq > ?').run(fixture.trail.length);
    cut.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(fixtureHead);
    cut.close();
    ({ service } = await newService({ dataDir }));
    value(await service.invoke('vault.unlock', { password: STRONG_PASSWORD }));
    expect(value(await service.invoke('audit.verify', {}))).toMatchObject({ ok: false, firstBadIndex: 3, problem: 'removed' });
    expect(fs.existsSync(path.join(dataDir, 'backup-log.svlog'))).toBe(true);
  });
});

function readHead(file: string): string {
  const db = new Database(file, { readonly: true });
  const head = (db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").get() as { value: string }).value;
  db.close();
  return head;
}
