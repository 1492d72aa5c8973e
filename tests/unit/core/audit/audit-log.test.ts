import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../../src-main/core/audit/audit-log';
import { addPending, MAX_PENDING, readPending } from '../../../../src-main/core/audit/audit-pending';
import { newMasterKey, type MasterKey } from '../../../../src-main/core/crypto/keys';
import { initCrypto } from '../../../../src-main/core/crypto/sodium';
import { migrate } from '../../../../src-main/core/vault/vault-db';
import { MIGRATIONS } from '../../../../src-main/core/vault/migrations';

beforeAll(initCrypto);

const VAULT_ID = '0123456789abcdef0123456789abcdef';

function freshDb(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  return db;
}

describe('AuditLog', () => {
  it('drops a record id or detail that does not fit the schema instead of writing an entry that reads as tampering', () => {
    const db = freshDb();
    const log = new AuditLog(db, VAULT_ID, newMasterKey(), () => 1000);
    log.append({ type: 'client.updated', recordId: 'Not An Id!', detail: 'free text with spaces' });
    expect(log.list()).toEqual([{ seq: 1, time: 1000, type: 'client.updated' }]);
    expect(log.verify()).toEqual({ ok: true, entries: 1 });
  });

  it('another key cannot read or extend the chain unnoticed', () => {
    const db = freshDb();
    new AuditLog(db, VAULT_ID, newMasterKey(), () => 1).append({ type: 'vault.created' });
    const stranger = new AuditLog(db, VAULT_ID, newMasterKey(), () => 2);
    expect(stranger.list()).toEqual([]);
    expect(stranger.verify()).toMatchObject({ ok: false, firstBadIndex: 0 });
    // Its head does not verify under this key, so its entry links to nothing and is flagged too.
    stranger.append({ type: 'vault.unlocked' });
    expect(stranger.verify()).toMatchObject({ ok: false, entries: 2, firstBadIndex: 0 });
  });

  it('the same log moved to another vault id fails verification', () => {
    const db = freshDb();
    const mk = newMasterKey();
    new AuditLog(db, VAULT_ID, mk, () => 1).append({ type: 'vault.created' });
    expect(new AuditLog(db, 'ffffffffffffffffffffffffffffffff', mk, () => 1).verify()).toMatchObject({ ok: false, firstBadIndex: 0 });
  });

  it('folds failed unlocks waiting from a locked time, marked as such, times clamped after the last sealed entry; nothing else', () => {
    const db = freshDb();
    const mk: MasterKey = newMasterKey();
    const log = new AuditLog(db, VAULT_ID, mk, () => 5000);
    log.append({ type: 'vault.created' }, 1000);
    addPending(db, { type: 'vault.unlockFailed' }, 2000);
    addPending(db, { type: 'vault.unlockFailed', detail: 'backup' }, 3000);
    // What the app never writes while locked is not kept; a time before the last entry or after now is clamped.
    addPending(db, { type: 'export.created' }, 2500);
    addPending(db, { type: 'vault.unlockFailed' }, 100);
    addPending(db, { type: 'vault.unlockFailed' }, 99_999);
    log.foldPending();
    log.foldPending();
    expect(log.list().map((e) => [e.seq, e.type, e.time, e.detail ?? null, e.whileLocked ?? false])).toEqual([
      [5, 'vault.unlockFailed', 5000, null, true],
      [4, 'vault.unlockFailed', 1000, null, true],
      [3, 'vault.unlockFailed', 3000, 'backup', true],
      [2, 'vault.unlockFailed', 2000, null, true],
      [1, 'vault.created', 1000, null, false],
    ]);
    expect(readPending(db)).toEqual([]);
    expect(log.verify()).toEqual({ ok: true, entries: 5 });

    for (let i = 0; i < MAX_PENDING + 5; i++) addPending(db, { type: 'vault.unlockFailed' }, i);
    const kept = readPending(db);
    expect(kept).toHaveLength(MAX_PENDING);
    expect(kept[kept.length - 1]!.time).toBe(MAX_PENDING + 4);
  });

  it('pending rows forged on disk with another type are never sealed', () => {
    const db = freshDb();
    const log = new AuditLog(db, VAULT_ID, newMasterKey(), () => 5000);
    log.append({ type: 'vault.created' }, 1000);
    db.prepare("INSERT INTO meta (key, value) VALUES ('audit_pending', ?)").run(
      JSON.stringify([{ type: 'export.created', time: 10 }, { type: 'backup.restored', time: 4000 }, { type: 'vault.unlockFailed', time: 4500 }]),
    );
    log.foldPending();
    expect(log.list().map((e) => [e.type, e.time])).toEqual([
      ['vault.unlockFailed', 4500],
      ['vault.created', 1000],
    ]);
  });
});
