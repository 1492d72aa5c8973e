import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CUSTODIAN_CHANNELS, custodianMayUse } from '../../../src-shared/custodian-access';
import { CHANNELS, type Channel, type Input, type Output } from '../../../src-shared/ipc';
import { ageKeygen } from '../../helpers/age-cli';
import { tempDir } from '../../helpers/disk';
import { newService, pick, STRONG_PASSWORD, TEST_PROFILE, value } from '../../helpers/service';


type Allowed = (typeof CUSTODIAN_CHANNELS)[number];

/** A practice with one client, a signed note and a consent, opened by two of three custodians. */
async function custodianSession() {
  const made = await newService({ flushTimeoutMs: 1 });
  const svc = made.service;
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => value(await svc.invoke(channel, input));
  await call('vault.create', { password: STRONG_PASSWORD });
  // Signing records who signed (#18).
  await call('profile.update', TEST_PROFILE);
  const client = await call('clients.create', { displayName: 'Read Only Client' });
  const note = await call('notes.create', { title: 'Intake', body: 'First session.', clientId: client.id, kind: 'progress', session: { serviceDate: '2025-01-05', riskFlags: [] } });
  await call('notes.sign', { id: note.id, baseRev: note.rev });
  const consent = await call('consent.add', { clientId: client.id, type: 'treatment', givenOn: '2025-01-05', form: 'v1' });
  const { kits } = await call('custodians.name', { password: STRONG_PASSWORD, names: ['A', 'B', 'C'], threshold: 2 });
  await call('vault.lock', {});
  await call('vault.unlock', { custodianShares: [kits[1]!.share, kits[2]!.share] });
  return { svc, call, dataDir: made.dataDir, client, note, consent, kits };
}

/**
 * The records, heads and header: what "nothing was changed" means (the audit trail is allowed to
 * grow, and so are disclosures: a transfer of care must be accounted for, whoever sends it).
 */
function vaultContents(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'vault.db'), { readonly: true });
  try {
    const hash = crypto.createHash('sha256');
    for (const row of db.prepare("SELECT id, rev, kind, nonce, ciphertext FROM records WHERE kind <> 'disclosure' ORDER BY id, rev").all()) hash.update(JSON.stringify(row));
    for (const row of db.prepare("SELECT id, kind, rev FROM heads WHERE kind <> 'disclosure' ORDER BY id").all()) hash.update(JSON.stringify(row));
    hash.update(JSON.stringify(db.prepare("SELECT value FROM meta WHERE key = 'header'").get()));
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

describe('custodian mode (vault opened with custodian shares)', () => {
  it('refuses every channel not on the custodian list with READ_ONLY, whatever the input, and changes nothing', async () => {
    const { svc, dataDir } = await custodianSession();
    const before = vaultContents(dataDir);
    // Derived from the contract: a channel added later is refused here unless it is put on the list.
    const refused = CHANNELS.filter((c) => !custodianMayUse(c));
    expect(refused).toEqual(expect.arrayContaining(['notes.create', 'notes.update', 'clients.update', 'settings.update', 'vault.changePassword', 'custodians.name', 'backup.restore', 'retention.purge']));
    for (const channel of refused) {
      for (const input of [{}, { id: 'a'.repeat(32), baseRev: 1 }, null]) {
        const res = await svc.invoke(channel, input);
        expect(res, channel).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
        if (!res.ok) expect(res.error.message).toMatch(/records custodians and is read-only/);
      }
    }
    expect(vaultContents(dataDir)).toBe(before);
    expect(value(await svc.invoke('vault.status', {}))).toMatchObject({ state: 'unlocked', custodianMode: true });
  });

  it('runs every channel on the list — reads, records exports and printouts, backups, lock — and still changes no record', async () => {
    const { svc, call, dataDir, client, note, consent, kits } = await custodianSession();
    const before = vaultContents(dataDir);
    const backupFolder = await pick(svc, 'backup-folder', tempDir('sv-custodian-backup-'));
    const exportFolder = await pick(svc, 'export-folder', tempDir('sv-custodian-export-'));
    const made = await call('backup.create', { folder: backupFolder });
    // One input per allowed channel: the type makes a channel added to the list without one a compile error.
    const inputs: { [C in Allowed]: Input<C> } = {
      'vault.status': {},
      'session.activity': {},
      'session.flushDone': { requestId: 'r1', saved: true },
      'session.copied': {},
      'notes.list': {},
      'notes.get': { id: note.id },
      'notes.history': { id: note.id },
      'notes.getRevision': { id: note.id, rev: 1 },
      'clients.list': {},
      'clients.get': { id: client.id },
      'consent.list': { clientId: client.id },
      'consent.history': { id: consent.id },
      'search.query': { text: 'session' },
      'settings.get': {},
      'retention.list': {},
      'audit.list': {},
      'audit.verify': {},
      'audit.export': { format: 'csv', folder: exportFolder },
      'profile.get': {},
      'export.client': { clientId: client.id, format: 'html', folder: exportFolder },
      'export.note': { id: note.id, folder: exportFolder },
      'print.note': { id: note.id },
      'print.record': { clientId: client.id },
      'print.page': {},
      'transfer.client': { clientId: client.id, recipientName: 'Dr. Next', method: { kind: 'publicKey', publicKey: ageKeygen().publicKey }, folder: exportFolder },
      'transfer.list': { clientId: client.id },
      'files.choose': { purpose: 'export-folder', typedPath: tempDir('sv-custodian-export-') },
      'drives.list': {},
      'backup.create': { folder: backupFolder },
      'backup.verify': { backup: made.handle },
      'backup.drill': { backup: made.handle },
      'backup.list': { folder: backupFolder },
      'backup.status': {},
      'backup.lastFolder': {},
      'vault.lock': {},
    };
    for (const channel of Object.keys(inputs) as Allowed[]) {
      expect(await svc.invoke(channel, inputs[channel]), channel).toMatchObject({ ok: true });
    }
    expect(Object.keys(inputs).sort()).toEqual([...CUSTODIAN_CHANNELS].sort());
    expect(vaultContents(dataDir)).toBe(before);
    // The one record custodian mode writes: the transfer's disclosure, sent by the custodians.
    await call('vault.unlock', { custodianShares: [kits[0]!.share, kits[2]!.share] });
    expect(await call('transfer.list', { clientId: client.id })).toEqual([expect.objectContaining({ recipientName: 'Dr. Next', by: 'custodian', method: 'publicKey' })]);
    const trail = await call('audit.list', { type: 'record.transferred' });
    expect(trail).toEqual([expect.objectContaining({ recordId: client.id, by: 'custodian' })]);
  });

  it('a custodian backup never rotates the clinician\'s older backups away', async () => {
    const made = await newService({ flushTimeoutMs: 1 });
    const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => value(await made.service.invoke(channel, input));
    await call('vault.create', { password: STRONG_PASSWORD });
    const folder = await pick(made.service, 'backup-folder', tempDir('sv-rotation-'));
    const first = await call('backup.create', { folder, keep: 1 });
    const { kits } = await call('custodians.name', { password: STRONG_PASSWORD, names: ['A', 'B'], threshold: 2 });
    await call('vault.lock', {});
    await call('vault.unlock', { custodianShares: kits.map((k) => k.share) });
    const second = await call('backup.create', { folder, keep: 1 });
    expect(second.removed).toEqual([]);
    expect(fs.existsSync(first.path) && fs.existsSync(second.path)).toBe(true);
  });
});
