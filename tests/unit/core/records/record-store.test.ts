import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SETTINGS_DEFAULTS } from '../../../../src-shared/contract/settings';
import { newMasterKey, recordsKey } from '../../../../src-main/core/crypto/keys';
import { initCrypto } from '../../../../src-main/core/crypto/sodium';
import { noteRecord } from '../../../../src-main/core/notes/note-record';
import { RecordStore, recordType } from '../../../../src-main/core/records/record-store';
import { SETTINGS_RECORD_ID } from '../../../../src-main/core/settings/settings-repo';
import { migrate } from '../../../../src-main/core/vault/vault-db';
import { MIGRATIONS } from '../../../../src-main/core/vault/migrations';
import { newVaultManager, STRONG_PASSWORD } from '../../../helpers/service';

beforeAll(initCrypto);

/** Writes any payload under a kind, as a bug, an older or a newer version might have. */
const anyPayload = (kind: string) => recordType(kind, z.unknown(), 'record');

function freshStore(): RecordStore {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  return new RecordStore(db, '0123456789abcdef0123456789abcdef', recordsKey(newMasterKey()));
}

const goodNote = { title: 'Intake', body: 'text', createdAt: 1, updatedAt: 1 };

describe('records are read through their schema', () => {
  it('a payload that opens but does not fit is VAULT_CORRUPT, and the message never echoes it', () => {
    const store = freshStore();
    const { id } = store.insert(anyPayload('note'), { title: 'Hollis', body: 5 });
    let error: unknown;
    try {
      store.get(id, noteRecord);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'VAULT_CORRUPT', message: expect.stringMatching(/A note could not be read/) });
    expect(String((error as Error).message)).not.toContain('Hollis');
    expect(() => store.getRevision(id, noteRecord, 1)).toThrow(expect.objectContaining({ code: 'VAULT_CORRUPT' }));
  });

  it('loadAll shows the records that fit and counts the others as damaged', () => {
    const store = freshStore();
    const good = store.insert(noteRecord, goodNote);
    const misfit = store.insert(anyPayload('note'), { title: 7 });
    const notJson = store.insert(anyPayload('note'), undefined);
    const { records, damaged } = store.loadAll(noteRecord);
    expect(records.map((r) => [r.id, r.payload.title])).toEqual([[good.id, 'Intake']]);
    expect(damaged.sort()).toEqual([misfit.id, notJson.id].sort());
  });
});

describe('a vault whose records do not fit keeps working', () => {
  it('lists every client, consent and incident that reads, and takes settings field by field', async () => {
    const vm = newVaultManager();
    await vm.create(STRONG_PASSWORD);
    let s = vm.unlocked();
    const client = s.clients.create({ displayName: 'Ada', status: 'active', notes: '' });
    s.consents.add({ clientId: client.id, type: 'treatment', givenOn: '2026-01-02', form: 'v1' });
    s.incidents.create({ date: '2026-01-03', whatHappened: 'Lost a stick', whatWasDone: 'Rotated keys' });
    const misfitClient = s.store.insert(anyPayload('client'), { displayName: 42 });
    s.store.insert(anyPayload('consent'), { clientId: client.id, type: 'not-a-type' });
    s.store.insert(anyPayload('incident'), { date: null });
    s.store.insert(anyPayload('settings'), { idleLockMinutes: 'soon', retentionYears: 9, unknown: true }, SETTINGS_RECORD_ID);
    vm.lock();

    await vm.unlock({ password: STRONG_PASSWORD });
    s = vm.unlocked();
    expect(s.clients.list({ includeArchived: true }).map((c) => c.displayName)).toEqual(['Ada']);
    expect(s.clients.damaged).toEqual([misfitClient.id]);
    expect(s.consents.onFile(client.id)).toMatchObject({ consents: [{ type: 'treatment' }], treatmentOnFile: true });
    expect(s.incidents.list().map((i) => i.whatHappened)).toEqual(['Lost a stick']);
    expect(s.settings.current()).toEqual({ ...SETTINGS_DEFAULTS, retentionYears: 9 });
  });
});
