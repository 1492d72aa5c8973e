import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../../src-shared/ipc';
import type { VaultService } from '../../../../src-main/service';
import { filesContaining, recordsFingerprint, scratchDirs, tempDir } from '../../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, value } from '../../../helpers/service';

const CANARY = 'CANARY-bk7-Thaddeus-Quillfeather';
const NOTE_COUNT = 1000;

let service: VaultService;
let dataDir: string;
let recoveryKey: string;
let backupDir: string;
let backupPath: string;
const expected = new Map<string, { title: string; body: string }>();
const progress: EventPayload<'backup.progress'>[] = [];
/** Files seen (and checked for the canary) while a backup was running. */
const scratchSeen: string[] = [];
const canaryHits: string[] = [];

function onEvent<E extends EventName>(event: E, payload: EventPayload<E>): void {
  if (event !== 'backup.progress') return;
  const p = payload as EventPayload<'backup.progress'>;
  progress.push(p);
  // Mid-operation, the scratch copy exists: prove it carries no plaintext.
  if (p.done === 0 || p.done === p.total) {
    for (const dir of scratchDirs(dataDir)) {
      const full = path.join(dataDir, dir);
      scratchSeen.push(...fs.readdirSync(full));
      canaryHits.push(...filesContaining(full, CANARY));
    }
  }
}

beforeAll(async () => {
  ({ service, dataDir } = await newService({ onEvent }));
  recoveryKey = value(await service.invoke('vault.create', { password: STRONG_PASSWORD })).recoveryKey;
  for (let i = 0; i < NOTE_COUNT; i++) {
    const title = `Session ${i} ${CANARY}`;
    const body = `Client discussed week ${i}. ${CANARY} `.repeat(3);
    const { id } = value(await service.invoke('notes.create', { title, body }));
    expected.set(id, { title, body });
  }
  backupDir = tempDir('sv-usb-');
}, 300_000);


async function expectAllNotes(s: VaultService): Promise<void> {
  const list = value(await s.invoke('notes.list', {}));
  expect(list).toHaveLength(NOTE_COUNT);
  for (const id of [...expected.keys()].filter((_, i) => i % 97 === 0)) {
    const note = value(await s.invoke('notes.get', { id }));
    expect({ title: note.title, body: note.body }).toEqual(expected.get(id));
  }
}

describe('backup round trip with 1,000 notes', () => {
  it('creates a verified backup with the right name, counts and progress, and no plaintext anywhere', async () => {
    const made = value(await service.invoke('backup.create', { folder: await pick(service, 'backup-folder', backupDir) }));
    backupPath = made.path;
    expect(made.verified).toBe(true);
    expect(made.notes).toBe(NOTE_COUNT);
    expect(path.basename(made.path)).toMatch(/^SessionVault-\d{4}-\d{2}-\d{2}-\d{6}\.svbackup$/);
    expect(made.bytes).toBe(fs.statSync(made.path).size);
    expect(fs.readdirSync(backupDir)).toEqual([path.basename(made.path)]); // no .partial left

    const bytes = fs.readFileSync(made.path);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('SVBACKUP');
    expect(bytes.includes(Buffer.from(CANARY))).toBe(false);
    expect(bytes.includes(Buffer.from(STRONG_PASSWORD))).toBe(false);

    const phases = new Set(progress.map((p) => p.phase));
    expect([...phases]).toEqual(expect.arrayContaining(['snapshot', 'encrypt', 'verify']));
    const encrypt = progress.filter((p) => p.phase === 'encrypt');
    expect(encrypt.at(-1)!.done).toBe(encrypt.at(-1)!.total);

    expect(scratchSeen.length).toBeGreaterThan(0); // the canary scan really looked at the snapshot
    expect(canaryHits).toEqual([]);
    expect(scratchDirs(dataDir)).toEqual([]);
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
    expect(filesContaining(backupDir, CANARY)).toEqual([]);
  });

  it('lists the backup as verified and verifies it again without touching the vault', async () => {
    const before = recordsFingerprint(dataDir);
    const [listed] = value(await service.invoke('backup.list', { folder: await pick(service, 'backup-folder', backupDir) }));
    expect(listed).toMatchObject({ name: path.basename(backupPath), verified: true, sameVault: true, readable: true, notes: NOTE_COUNT });
    const checked = value(await service.invoke('backup.verify', { backup: listed!.handle }));
    expect(checked).toMatchObject({ verified: true, sameVault: true, notes: NOTE_COUNT });
    expect(recordsFingerprint(dataDir)).toBe(before);
  });

  it('drills: restores into a temporary place, reports counts and the last note date, leaves nothing', async () => {
    const before = recordsFingerprint(dataDir);
    const report = value(await service.invoke('backup.drill', { backup: await pick(service, 'backup-file', backupPath) }));
    expect(report.notes).toBe(NOTE_COUNT);
    expect(report.damaged).toBe(0);
    const newest = Math.max(...value(await service.invoke('notes.list', {})).map((n) => n.updatedAt));
    expect(report.lastNoteAt).toBe(newest);
    expect(recordsFingerprint(dataDir)).toBe(before);
    expect(scratchDirs(dataDir)).toEqual([]);
  });

  it('restores on a fresh computer with the password', async () => {
    const { service: fresh, dataDir: newDir } = await newService();
    try {
      expect(value(await fresh.invoke('vault.status', {})).state).toBe('absent');
      const listed = value(await fresh.invoke('backup.list', { folder: await pick(fresh, 'backup-folder', backupDir) }));
      expect(listed[0]).toMatchObject({ name: path.basename(backupPath), readable: true, sameVault: false, verified: false });
      const restored = value(await fresh.invoke('backup.restore', { backup: listed[0]!.handle, password: STRONG_PASSWORD }));
      expect(restored).toMatchObject({ notes: NOTE_COUNT, replacedFile: null });
      expect(value(await fresh.invoke('vault.status', {})).state).toBe('unlocked');
      await expectAllNotes(fresh);
      // The restored vault opens again after a lock with the same password.
      value(await fresh.invoke('vault.lock', {}));
      value(await fresh.invoke('vault.unlock', { password: STRONG_PASSWORD }));
      await expectAllNotes(fresh);
      expect(scratchDirs(newDir)).toEqual([]);
      expect(filesContaining(newDir, CANARY)).toEqual([]);
    } finally {
      fresh.close();
    }
  });

  it('restores on a fresh computer with the Recovery Key', async () => {
    const { service: fresh } = await newService();
    try {
      const restored = value(await fresh.invoke('backup.restore', { backup: await pick(fresh, 'backup-file', backupPath), recoveryKey: recoveryKey.toLowerCase() }));
      expect(restored.notes).toBe(NOTE_COUNT);
      await expectAllNotes(fresh);
    } finally {
      fresh.close();
    }
  });

  it('restores over an existing vault and keeps the old vault file beside it', async () => {
    const { service: other, dataDir: otherDir } = await newService();
    try {
      value(await other.invoke('vault.create', { password: 'another long passphrase for the other laptop' }));
      value(await other.invoke('notes.create', { title: 'Only on the other laptop', body: 'x' }));
      value(await other.invoke('vault.lock', {}));
      other.close(); // settle the WAL so the file on disk is the whole old vault
      const oldRecords = recordsFingerprint(otherDir);
      const reopened = (await newService({ dataDir: otherDir })).service;
      try {
        const wrong = await reopened.invoke('backup.restore', { backup: await pick(reopened, 'backup-file', backupPath), password: 'not the password at all' });
        expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
        // Nothing of the old vault changed but its waiting list, which now holds the failed attempt.
        expect(recordsFingerprint(otherDir)).toBe(oldRecords);
        const db = new Database(path.join(otherDir, 'vault.db'), { readonly: true });
        const pending = JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'audit_pending'").get() as { value: string }).value) as unknown[];
        db.close();
        expect(pending).toEqual([expect.objectContaining({ type: 'vault.unlockFailed', detail: 'backup' })]);

        const restored = value(await reopened.invoke('backup.restore', { backup: await pick(reopened, 'backup-file', backupPath), password: STRONG_PASSWORD }));
        expect(restored.replacedFile).toMatch(/vault\.replaced-\d{8}T\d{6}Z\.db$/);
        expect(path.dirname(restored.replacedFile!)).toBe(otherDir);
        expect(recordsFingerprint(otherDir, restored.replacedFile!)).toBe(oldRecords);
        await expectAllNotes(reopened);
        expect(value(await reopened.invoke('notes.list', {})).some((n) => n.title === 'Only on the other laptop')).toBe(false);
      } finally {
        reopened.close();
      }
    } finally {
      other.close();
    }
  });
});
