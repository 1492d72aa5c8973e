import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_TYPES, type AuditEntry } from '../../../src-shared/contract/audit';
import { ageKeygen } from '../../helpers/age-cli';
import { filesContaining, tempDir } from '../../helpers/disk';
import { pick, STRONG_PASSWORD, unlockedVault } from '../../helpers/service';


const NEW_PASSWORD = 'a different long passphrase 77';

async function start() {
  const { service: svc, dataDir, clock, call, recoveryKey } = await unlockedVault();
  const trail = async () => [...(await call('audit.list', {}))].reverse(); // oldest first
  return { svc, dataDir, clock, call, created: { recoveryKey }, trail };
}

/** Every type the scenarios below wrote. */
const seen = new Set<string>();
const brief = (entries: AuditEntry[]) =>
  entries.map((e) => {
    seen.add(e.type);
    return [e.type, e.recordId ?? null, e.detail ?? null];
  });

describe('audit events', () => {
  it('records every action of the issue, in order, with ids and short codes only', async () => {
    const { svc, dataDir, clock, call, created, trail } = await start();
    const client = await call('clients.create', { displayName: 'Zebulon Canaryname', dateOfBirth: '1980-01-02' });
    await call('clients.update', { id: client.id, baseRev: client.rev, notes: 'Mother: 555-0100' });
    const note = await call('notes.create', {
      title: 'Secret title canary',
      body: 'Body canary text',
      clientId: client.id,
      kind: 'progress',
      session: { serviceDate: '2010-01-05', riskFlags: [] },
    });
    await call('notes.sign', { id: note.id, baseRev: note.rev });
    await call('notes.addAddendum', { id: note.id, text: 'Addendum canary' });
    // Opening a note is recorded once per note per unlocked session, however often it is read.
    await call('notes.get', { id: note.id });
    await call('notes.get', { id: note.id });
    await call('notes.getRevision', { id: note.id, rev: 1 });
    const draft = await call('notes.create', { title: 'Draft', body: '' });
    await call('notes.trash', { id: draft.id });
    await call('notes.restore', { id: draft.id });
    await call('notes.trash', { id: draft.id });
    await call('notes.emptyTrash', { confirm: true });
    await call('settings.update', { idleLockMinutes: 9, backupKeep: 12 });
    const exportFolder = await pick(svc, 'export-folder', tempDir('sv-export-Zebulon Canaryname'));
    await call('export.client', { clientId: client.id, format: 'html', folder: exportFolder });
    await call('export.note', { id: note.id, folder: exportFolder });
    await call('print.note', { id: note.id });
    await call('print.record', { clientId: client.id, includeUnsigned: true });
    await call('audit.export', { format: 'csv', folder: exportFolder, filter: { clientId: client.id } });
    await call('clients.archive', { id: client.id });
    await call('clients.unarchive', { id: client.id });
    const consent = await call('consent.add', { clientId: client.id, type: 'telehealth', givenOn: '2010-01-05', form: 'Form canary v3' });
    await call('consent.revoke', { id: consent.id, revokedOn: '2011-01-05' });
    const incident = await call('incident.create', { date: '2025-03-01', whatHappened: 'Incident canary', whatWasDone: 'Reported' });
    await call('incident.export', { id: incident.id, folder: await pick(svc, 'export-folder', tempDir('sv-incident-')) });
    const phq = await call('measures.add', { clientId: client.id, date: '2010-01-05', instrument: 'phq9', items: [1, 1, 1, 1, 1, 1, 1, 1, 0] });
    await call('measures.update', { id: phq.id, baseRev: phq.rev, date: '2010-01-05', instrument: 'phq9', items: [2, 1, 1, 1, 1, 1, 1, 1, 0] });
    const custom = { name: 'Canary scale', min: 0, max: 10, higherIsBetter: true };
    await call('measures.add', { clientId: client.id, date: '2010-01-05', instrument: 'custom', custom, score: 4 });
    const plan = await call('plan.save', { clientId: client.id, baseRev: null, problems: [{ text: 'Problem canary', goals: [{ text: 'Goal canary', status: 'active' }] }] });
    await call('plan.save', { clientId: client.id, baseRev: plan.rev, problems: plan.problems });

    await svc.lock('idle');
    await clock.advance(60_000);
    const wrong = await svc.invoke('vault.unlock', { password: 'not the right password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    await clock.advance(60_000);
    await call('vault.unlock', { password: STRONG_PASSWORD });
    await svc.lock('suspend');
    await call('vault.unlock', { recoveryKey: created.recoveryKey });
    await call('vault.changePassword', { current: STRONG_PASSWORD, next: NEW_PASSWORD });
    await call('vault.rotateRecoveryKey', { password: NEW_PASSWORD });
    const keyFilePath = path.join(tempDir('sv-key-'), 'practice.key');
    fs.writeFileSync(keyFilePath, 'a photo kept on another drive');
    const keyFile = await pick(svc, 'key-file', keyFilePath);
    await call('vault.addKeyFile', { password: NEW_PASSWORD, keyFile });
    await call('vault.lock', {});
    await call('vault.unlock', { password: NEW_PASSWORD, keyFile });
    await call('notes.get', { id: note.id });

    expect(brief(await trail())).toEqual([
      ['vault.created', null, null],
      ['profile.updated', null, 'name,credential,licenseNumber,licenseState'],
      ['client.created', client.id, null],
      ['client.updated', client.id, null],
      ['note.created', note.id, null],
      ['note.signed', note.id, null],
      ['note.addendumAdded', note.id, null],
      ['note.opened', note.id, null],
      ['note.created', draft.id, null],
      ['note.trashed', draft.id, null],
      ['note.restored', draft.id, null],
      ['note.trashed', draft.id, null],
      ['trash.emptied', null, 'deleted=1,keptSigned=0'],
      ['settings.changed', null, 'idleLockMinutes,backupKeep'],
      ['export.created', client.id, 'html,notes=1'],
      ['note.exported', note.id, 'pdf'],
      ['note.printed', note.id, null],
      ['export.printed', client.id, 'print,notes=1'],
      // Filtered to the client: the 10 entries above about them or their note.
      ['audit.exported', null, 'csv,entries=10'],
      ['client.archived', client.id, null],
      ['client.unarchived', client.id, null],
      ['consent.added', client.id, 'telehealth'],
      ['consent.revoked', client.id, 'telehealth'],
      ['incident.recorded', incident.id, null],
      ['incident.exported', incident.id, null],
      ['measure.added', client.id, 'phq9'],
      ['measure.changed', client.id, 'phq9'],
      ['measure.added', client.id, 'custom'],
      ['plan.created', client.id, 'rev=1'],
      ['plan.changed', client.id, 'rev=2'],
      ['vault.locked', null, 'idle'],
      // Written while locked (type + time in meta), sealed into the chain at the next unlock.
      ['vault.unlockFailed', null, null],
      ['vault.unlocked', null, null],
      ['vault.locked', null, 'suspend'],
      ['vault.recoveryKeyUsed', null, null],
      ['vault.passwordChanged', null, null],
      ['vault.recoveryKeyRotated', null, null],
      ['vault.keyFileAdded', null, null],
      ['vault.locked', null, 'manual'],
      ['vault.unlocked', null, null],
      // A new session: opening the same note is recorded again.
      ['note.opened', note.id, null],
    ]);
    const entries = await trail();
    // The failed attempt keeps the time it happened, not the time of the unlock that sealed it.
    const failed = entries.find((e) => e.type === 'vault.unlockFailed')!;
    expect(clock.now() - failed.time).toBe(60_000);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(await call('audit.verify', {})).toEqual({ ok: true, entries: entries.length });

    // Nothing typed by the clinician reaches the stored entries (names are looked up only to show
    // them), and the log itself is not readable on disk.
    const text = JSON.stringify(entries.map(({ text: _shown, clientId: _resolved, ...stored }) => stored));
    for (const secret of ['Canaryname', 'canary', '555-0100', '/media', 'practice.key']) expect(text).not.toContain(secret);
    for (const type of ['client.created', 'note.signed', 'settings.changed']) expect(filesContaining(dataDir, type)).toEqual([]);
    expect(filesContaining(dataDir, 'Zebulon Canaryname')).toEqual([]);
  });

  it('records backups, drills, restores and purges; the restored log continues the same chain', async () => {
    const { call, clock, trail } = await start();
    const client = await call('clients.create', { displayName: 'Old Client' });
    await call('notes.create', { title: 'Old', body: 'x', clientId: client.id, kind: 'progress', session: { serviceDate: '2010-01-05', riskFlags: [] } });
    await clock.advance(1000);
    await call('retention.purge', { clientId: client.id, confirm: true, confirmPhrase: 'DELETE' });
    const made = await call('backup.create', { folder: (await call('files.choose', { purpose: 'backup-folder', typedPath: tempDir('sv-backup-') })).chosen!.handle });
    await call('backup.verify', { backup: made.handle });
    await call('backup.drill', { backup: made.handle });
    const before = await trail();
    expect(brief(before.slice(-4))).toEqual([
      ['client.purged', client.id, 'notes=1'],
      ['backup.created', null, 'notes=0'],
      ['backup.verified', null, 'notes=0,same-vault'],
      ['backup.drilled', null, 'notes=0,damaged=0'],
    ]);

    await call('backup.restore', { backup: made.handle, password: STRONG_PASSWORD });
    const after = await trail();
    // The backup's snapshot was taken before its own event: the restored log ends at the purge, then the restore.
    const cut = before.findIndex((e) => e.type === 'backup.created');
    expect(after.slice(0, cut)).toEqual(before.slice(0, cut));
    expect(brief(after.slice(cut))).toEqual([['backup.restored', null, 'notes=0']]);
    expect(await call('audit.verify', {})).toEqual({ ok: true, entries: after.length });
    expect(path.basename(made.path)).not.toContain('Old');
  });

  it('records consents added and revoked (under the client) and incidents recorded', async () => {
    const { call, trail } = await start();
    const client = await call('clients.create', { displayName: 'Consent Canary' });
    const c = await call('consent.add', { clientId: client.id, type: 'treatment', givenOn: '2025-03-01', form: 'Form canary v1' });
    await call('consent.revoke', { id: c.id, revokedOn: '2025-03-10' });
    const incident = await call('incident.create', { date: '2025-03-11', whatHappened: 'Incident canary', whatWasDone: '' });
    expect(brief((await trail()).slice(-3))).toEqual([
      ['consent.added', client.id, 'treatment'],
      ['consent.revoked', client.id, 'treatment'],
      ['incident.recorded', incident.id, null],
    ]);
  });

  it('records custodians named and revoked, and a custodian session as the custodian\'s, opening to lock', async () => {
    const { svc, call, trail } = await start();
    const client = await call('clients.create', { displayName: 'Custodian Canary' });
    const { kits } = await call('custodians.name', { password: STRONG_PASSWORD, names: ['Attorney Canary', 'Colleague', 'Partner'], threshold: 2 });
    await svc.lock('manual');
    await call('vault.unlock', { custodianShares: [kits[0]!.share, kits[2]!.share] });
    const exportFolder = await pick(svc, 'export-folder', tempDir('sv-export-'));
    await call('export.client', { clientId: client.id, format: 'html', folder: exportFolder });
    const sent = await call('transfer.client', { clientId: client.id, recipientName: 'Receiver Canary', recipientOrganisation: 'Clinic Canary', method: { kind: 'publicKey', publicKey: ageKeygen().publicKey }, folder: exportFolder });
    await call('backup.create', { folder: await pick(svc, 'backup-folder', tempDir('sv-backup-')) });
    await call('vault.lock', {});
    await call('vault.unlock', { password: STRONG_PASSWORD });
    await call('custodians.revoke', { password: STRONG_PASSWORD });
    const entries = (await trail()).slice(-9);
    expect(brief(entries)).toEqual([
      ['custodians.named', null, 'threshold=2,shares=3'],
      ['vault.locked', null, 'manual'],
      ['vault.custodianUnlocked', null, null],
      ['export.created', client.id, 'html,notes=0'],
      ['record.transferred', client.id, `pdf,notes=0,psychotherapy=0,publicKey,disclosure=${sent.disclosure.id}`],
      ['backup.created', null, 'notes=0'],
      ['vault.locked', null, 'manual'],
      ['vault.unlocked', null, null],
      ['custodians.revoked', null, null],
    ]);
    expect(entries.map((e) => e.by ?? 'clinician')).toEqual(['clinician', 'clinician', 'custodian', 'custodian', 'custodian', 'custodian', 'custodian', 'clinician', 'clinician']);
    // Stored entries hold ids and counts only; the sentences name the client (looked up when read),
    // never the custodians or the receiving clinician.
    expect(JSON.stringify((await trail()).map(({ text: _text, ...stored }) => stored))).not.toContain('Canary');
    for (const name of ['Attorney Canary', 'Receiver Canary', 'Clinic Canary']) expect(JSON.stringify(await trail())).not.toContain(name);
    expect(entries.map((e) => e.text).slice(2, 5)).toEqual([
      'Opened as records custodian (read-only, with the custodian kits)',
      'Records custodian: Exported records for Custodian Canary (HTML, 0 notes, psychotherapy notes left out)',
      'Records custodian: Transferred the record of Custodian Canary to another clinician (PDF, 0 notes, locked to their age key)',
    ]);
    expect(entries[0]!.text).toBe('Named records custodians: any 2 of 3 kits together open the vault (older kits no longer work)');
    expect(entries[8]!.text).toBe('Revoked the records custodians (their kits no longer work)');
  });

  it('between them, the scenarios above wrote every event type the viewer can filter on', () => {
    // A type nobody writes would be a filter offered in vain, or an action that went unlogged.
    expect([...seen].sort()).toEqual([...AUDIT_EVENT_TYPES].sort());
  });

  it('audit.list filters by time, type and record; locked -> VAULT_LOCKED', async () => {
    const { svc, call, clock } = await start();
    const t0 = clock.now();
    const a = await call('clients.create', { displayName: 'A' });
    await clock.advance(10_000);
    const b = await call('clients.create', { displayName: 'B' });
    await clock.advance(10_000);
    await call('clients.archive', { id: a.id });
    expect((await call('audit.list', { type: 'client.created' })).map((e) => e.recordId)).toEqual([b.id, a.id]);
    expect((await call('audit.list', { from: t0 + 5000, to: t0 + 15_000 })).map((e) => e.recordId)).toEqual([b.id]);
    expect((await call('audit.list', { recordId: a.id })).map((e) => e.type)).toEqual(['client.archived', 'client.created']);
    // By client: entries about the client and about any of their notes.
    const note = await call('notes.create', { title: 'Session 1', body: '', clientId: a.id });
    await call('notes.create', { title: 'Other', body: '', clientId: b.id });
    expect((await call('audit.list', { clientId: a.id })).map((e) => [e.type, e.recordId])).toEqual([
      ['note.created', note.id],
      ['client.archived', a.id],
      ['client.created', a.id],
    ]);
    await svc.lock('manual');
    expect(await svc.invoke('audit.list', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await svc.invoke('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await svc.invoke('audit.list', { type: 'note.viewed' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
