import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MountedVolume } from '../../../../src-main/core/drives/volume';
import type { VaultService } from '../../../../src-main/service';
import { pdfText, qpdfCheck } from '../../../helpers/pdf';
import { filesContaining, tempDir } from '../../../helpers/disk';
import { pick, unlockedVault } from '../../../helpers/service';

/** The service of the running test (closed after it by the shared helpers). */
let service: VaultService | undefined;

/** The removable drives the service sees plugged in (none until a test plugs one in). */
let plugged: MountedVolume[] = [];

async function practice() {
  plugged = [];
  const v = await unlockedVault({ driveSource: async () => plugged });
  service = v.service;
  const { call } = v;
  const client = await call('clients.create', { displayName: 'M. Okafor' });
  const notes = [];
  for (let i = 1; i <= 12; i++) {
    const n = await call('notes.create', { title: `Session ${i}`, clientId: client.id, kind: 'progress', body: `Text ${i}`, session: { serviceDate: `2025-02-${String(i).padStart(2, '0')}`, riskFlags: [] } });
    await call('notes.sign', { id: n.id, baseRev: n.rev });
    notes.push(n);
  }
  await call('notes.create', { title: 'Process', clientId: client.id, kind: 'psychotherapy', body: 'private' });
  const texts = async (filter = {}) => (await call('audit.list', filter)).map((e) => e.text);
  return { ...v, client, notes, texts };
}

describe('the audit trail in sentences', () => {
  it('says who was opened, exported and backed up, by name, in plain words with correct plurals', async () => {
    const { call, client, notes, texts } = await practice();
    await call('notes.get', { id: notes[3]!.id });
    await call('notes.get', { id: notes[3]!.id });
    await call('export.client', { clientId: client.id, format: 'pdf', folder: await pick(service!, 'export-folder', tempDir('sv-pdf-')) });
    await call('print.note', { id: notes[3]!.id });
    await call('print.record', { clientId: client.id, includeUnsigned: false });
    const usb = tempDir('sv-usb-');
    const backup = await call('backup.create', { folder: await pick(service!, 'backup-folder', usb) });
    await call('backup.verify', { backup: backup.handle });
    const lines = await texts();
    expect(lines.filter((l) => l === "Opened note 'Session 4' for M. Okafor")).toHaveLength(1);
    expect(lines).toContain('Exported records for M. Okafor (PDF, 12 notes, psychotherapy notes left out)');
    expect(lines).toContain('Backup verified (13 notes)');
    expect(lines).toContain("Prepared note 'Session 4' for M. Okafor for printing");
    expect(lines).toContain('Prepared records for M. Okafor for printing (12 notes, psychotherapy notes left out)');
    expect(lines).toContain("Signed note 'Session 1' for M. Okafor");
    expect(lines).toContain('Added client M. Okafor');
    expect(lines).toContain('Created the vault');
    expect(lines.join('\n')).not.toMatch(/\b1 notes\b|record [0-9a-f]{8}/);
  });

  it('names the drive a backup went to, as the drive is labelled ("Backup verified on KINGSTON (13 notes)")', async () => {
    const { call, service: svc } = await practice();
    const usb = tempDir('sv-usb-');
    const passport = tempDir('sv-usb-');
    plugged.push(
      { label: 'KINGSTON', mountPath: usb, fileSystem: 'FAT32', readOnly: false },
      { label: 'My Passport Ünïcode', mountPath: passport, fileSystem: 'exFAT', readOnly: false },
    );
    const made = await call('backup.create', { folder: await pick(svc, 'backup-folder', usb) });
    await call('backup.verify', { backup: made.handle });
    const other = await call('backup.create', { folder: await pick(svc, 'backup-folder', passport) });
    await call('backup.verify', { backup: other.handle });
    const lines = (await call('audit.list', {})).map((e) => e.text);
    expect(lines).toContain('Made a verified backup on KINGSTON (13 notes)');
    expect(lines).toContain('Backup verified on KINGSTON (13 notes)');
    expect(lines).toContain('Backup verified on My Passport Ünïcode (13 notes)');
    // The label only, never where it is mounted.
    expect(JSON.stringify(await call('audit.list', { type: 'backup.verified' }))).not.toContain(usb);
  });

  it('looks names up when the trail is read: a renamed client shows the new name; nothing readable is stored', async () => {
    const { call, client, notes, texts, dataDir } = await practice();
    await call('notes.get', { id: notes[0]!.id });
    const c = await call('clients.get', { id: client.id });
    await call('clients.update', { id: client.id, baseRev: c.rev, displayName: 'Mara Okafor' });
    expect(await texts()).toContain("Opened note 'Session 1' for Mara Okafor");
    expect(filesContaining(dataDir, 'Opened note')).toEqual([]);
    expect(filesContaining(dataDir, 'Mara Okafor')).toEqual([]);
  });

  it('after a retention purge the entries stay, without the name', async () => {
    const { call, client, notes, clock, texts } = await practice();
    await call('settings.update', { retentionYears: 1 });
    clock.setTime(clock.now() + 3 * 365 * 86_400_000);
    await call('retention.purge', { clientId: client.id, confirm: true, confirmPhrase: 'DELETE' });
    const lines = await texts({ recordId: notes[0]!.id });
    expect(lines).toEqual(['Signed a note no longer in the vault', 'Created a note no longer in the vault']);
    expect(await texts({ type: 'client.purged' })).toEqual(['Deleted the record of a client at the end of its retention period (13 notes)']);
  });

  it('is filtered by client, event and date', async () => {
    const { call, client, notes, clock } = await practice();
    const other = await call('clients.create', { displayName: 'R. Lindqvist' });
    clock.setTime(clock.now() + 86_400_000);
    const from = clock.now();
    await call('notes.get', { id: notes[0]!.id });
    await call('clients.archive', { id: other.id });
    const byClient = await call('audit.list', { clientId: client.id, from });
    expect(byClient.map((e) => e.text)).toEqual(["Opened note 'Session 1' for M. Okafor"]);
    expect(byClient[0]?.clientId).toBe(client.id);
    expect((await call('audit.list', { type: 'client.archived' })).map((e) => e.text)).toEqual(['Archived R. Lindqvist']);
    expect((await call('audit.list', { from, to: from + 1 })).map((e) => e.type)).toEqual(['client.archived', 'note.opened']);
  });
});

describe('the audit trail for an auditor', () => {
  it('exports as CSV: one row per entry, oldest first, readable, safe to open in a spreadsheet; the export is itself recorded', async () => {
    const { call, notes } = await practice();
    await call('clients.create', { displayName: '=HYPERLINK("http://evil.example","x")' });
    await call('notes.get', { id: notes[3]!.id });
    const out = await call('audit.export', { format: 'csv', folder: await pick(service!, 'export-folder', tempDir('sv-audit-')), filter: {} });
    const csv = fs.readFileSync(out.path, 'utf8');
    const rows = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows[0]).toBe('Entry,Time,Event,Description,Client,Record id,Detail');
    expect(rows).toHaveLength(out.entries + 1);
    expect(rows[1]).toMatch(/^1,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d,vault\.created,Created the vault,,,$/);
    expect(rows).toContainEqual(expect.stringMatching(/,note\.opened,Opened note 'Session 4' for M\. Okafor,M\. Okafor,[0-9a-f]{32},$/));
    // The hostile name is text in the Client column, never a formula.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect((await call('audit.list', { type: 'audit.exported' })).map((e) => e.text)).toEqual([`Exported the audit trail (CSV, ${out.entries} entries)`]);
  });

  it('exports as PDF with the chain check and the readable lines, filtered to one client', async () => {
    const { call, client, notes } = await practice();
    await call('notes.get', { id: notes[3]!.id });
    await call('clients.create', { displayName: 'R. Lindqvist' });
    const out = await call('audit.export', { format: 'pdf', folder: await pick(service!, 'export-folder', tempDir('sv-audit-')), filter: { clientId: client.id } });
    qpdfCheck(out.path);
    const text = pdfText(out.path);
    expect(text).toContain('Audit trail');
    expect(text).toContain('Chain check: intact.');
    expect(text).toContain('Entries about M. Okafor.');
    expect(text).toContain("Opened note 'Session 4' for M. Okafor");
    expect(text).not.toContain('Lindqvist');
    expect(out.entries).toBe(27); // client added, 12 × (created, signed), the psychotherapy note created, one opened
  });

  it('refuses while locked', async () => {
    const { service: svc } = await practice();
    const folder = await pick(svc, 'export-folder', tempDir());
    await svc.lock('manual');
    expect(await svc.invoke('audit.export', { format: 'csv', folder, filter: {} })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });
});
