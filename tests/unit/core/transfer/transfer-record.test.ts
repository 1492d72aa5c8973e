import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ageCliVersion, ageDecryptWithIdentity, ageDecryptWithPassphrase, ageKeygen } from '../../../helpers/age-cli';
import { filesContaining, tempDir } from '../../../helpers/disk';
import { pdfInfo, pdfText, qpdfCheck } from '../../../helpers/pdf';
import { codeOf, pick, unlockedVault } from '../../../helpers/service';

beforeAll(() => {
  ageCliVersion();
});

/** The decrypted bytes as the receiver's PDF reader sees them (poppler's pdftotext), after qpdf's structural check. */
function readPdf(bytes: Buffer): { text: string; title: string } {
  const file = path.join(tempDir('sv-transfer-opened-'), 'record.pdf');
  fs.writeFileSync(file, bytes);
  qpdfCheck(file);
  return { text: pdfText(file), title: pdfInfo(file).Title ?? '' };
}

const day = (serviceDate: string) => ({ serviceDate, riskFlags: [] as string[] });

/** One client with a signed note, an unsigned draft and a signed psychotherapy note (a canary in each), and a folder to write to. */
async function practice() {
  const v = await unlockedVault();
  const { call } = v;
  const client = await call('clients.create', { displayName: 'Transfer Canary-Name' });
  const signed = await call('notes.create', { title: 'Intake', clientId: client.id, kind: 'intake', body: 'CANARY-SIGNED', session: day('2025-01-02') });
  await call('notes.sign', { id: signed.id, baseRev: signed.rev });
  await call('notes.create', { title: 'Draft', clientId: client.id, kind: 'progress', body: 'CANARY-DRAFT', session: day('2025-01-09') });
  const psy = await call('notes.create', { title: 'Process', clientId: client.id, kind: 'psychotherapy', body: 'CANARY-PSYCHOTHERAPY', session: day('2025-01-09') });
  await call('notes.sign', { id: psy.id, baseRev: psy.rev });
  const dir = tempDir('sv-transfer-out-');
  const folder = await pick(v.service, 'export-folder', dir);
  return { ...v, client, dir, folder };
}

describe('transfer.client (transfer of care)', () => {
  it('to an age-keygen public key: one .age file, named without a name, that `age -d -i` opens to the record (signed notes; no drafts, no psychotherapy notes)', async () => {
    const { call, client, dir, folder, dataDir } = await practice();
    const receiver = ageKeygen();
    const res = await call('transfer.client', { clientId: client.id, recipientName: 'Dr. Rivera', recipientOrganisation: 'Northside Clinic', method: { kind: 'publicKey', publicKey: receiver.publicKey }, folder });
    expect(res.passphrase).toBeNull();
    expect(fs.readdirSync(dir)).toEqual([path.basename(res.path)]);
    expect(path.basename(res.path)).toMatch(new RegExp(`^client-record-\\d{4}-\\d{2}-\\d{2}-${client.id.slice(0, 8)}\\.pdf\\.age$`));
    // Nothing readable in the file itself, and no plaintext copy anywhere.
    expect(filesContaining(dir, 'CANARY')).toEqual([]);
    expect(filesContaining(dataDir, 'Dr. Rivera')).toEqual([]);
    const opened = ageDecryptWithIdentity(res.path, receiver.identityFile);
    expect(opened.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, title } = readPdf(opened);
    expect(title).toBe('Client record: copy for the receiving clinician (transfer of care)');
    expect(text).toContain('Transfer Canary-Name');
    expect(text).toContain('CANARY-SIGNED');
    expect(text).toContain('transfer of care');
    expect(text).not.toContain('CANARY-DRAFT');
    expect(text).not.toContain('CANARY-PSYCHOTHERAPY');
    expect(text).toContain('are excluded from this copy');
    expect(res.disclosure).toMatchObject({ clientId: client.id, recipientName: 'Dr. Rivera', recipientOrganisation: 'Northside Clinic', method: 'publicKey', publicKey: receiver.publicKey, notes: 1, psychotherapyNotes: 0, by: 'clinician' });
  });

  it('with a passphrase: shown once in the answer, typed at age\'s prompt it opens the file; kept nowhere; the disclosure and the trail say what went where', async () => {
    const { call, client, folder, dataDir } = await practice();
    const res = await call('transfer.client', { clientId: client.id, recipientName: 'Dr. Okafor', method: { kind: 'passphrase' }, includeUnsigned: true, folder });
    expect(res.passphrase).toMatch(/^([a-z2-7]{4}-){5}[a-z2-7]{4}$/);
    const opened = ageDecryptWithPassphrase(res.path, res.passphrase!);
    expect(opened.ok).toBe(true);
    const { text } = readPdf(opened.ok ? opened.plain : Buffer.alloc(0));
    expect(text).toContain('CANARY-SIGNED');
    expect(text).toContain('CANARY-DRAFT');
    expect(text).toContain('UNSIGNED DRAFT');
    expect(text).not.toContain('CANARY-PSYCHOTHERAPY');
    expect(filesContaining(dataDir, res.passphrase!)).toEqual([]);
    expect(JSON.stringify(await call('transfer.list', { clientId: client.id }))).not.toContain(res.passphrase!);

    expect(await call('transfer.list', { clientId: client.id })).toEqual([
      expect.objectContaining({ id: res.disclosure.id, recipientName: 'Dr. Okafor', method: 'passphrase', notes: 2, psychotherapyNotes: 0 }),
    ]);
    const [entry] = await call('audit.list', { type: 'record.transferred' });
    expect(entry).toMatchObject({ recordId: client.id, detail: `pdf,notes=2,psychotherapy=0,passphrase,disclosure=${res.disclosure.id}` });
    expect(entry!.by).toBeUndefined();
    // The trail's sentence names the client, never the receiving clinician.
    expect(entry!.text).toBe('Transferred the record of Transfer Canary-Name to another clinician (PDF, 2 notes, locked with a passphrase given separately)');
    expect(entry!.text).not.toContain('Okafor');
  }, 60_000);

  it('psychotherapy notes go only when included and confirmed a second time; then under their own heading and counted in the disclosure', async () => {
    const { service: svc, call, client, dir, folder } = await practice();
    const receiver = ageKeygen();
    const base = { clientId: client.id, recipientName: 'Dr. Lee', method: { kind: 'publicKey' as const, publicKey: receiver.publicKey }, folder };
    expect(await codeOf(svc, 'transfer.client', { ...base, includePsychotherapy: true })).toBe('INVALID_INPUT');
    expect(fs.readdirSync(dir)).toEqual([]);
    const res = await call('transfer.client', { ...base, includePsychotherapy: true, psychotherapyConfirmed: true });
    const opened = ageDecryptWithIdentity(res.path, receiver.identityFile);
    const { text } = readPdf(opened);
    expect(text).toContain('1 psychotherapy note, which the sending clinician chose to include');
    expect(text).toMatch(/Psychotherapy notes .*CANARY-PSYCHOTHERAPY/);
    expect(text.indexOf('CANARY-SIGNED')).toBeLessThan(text.indexOf('CANARY-PSYCHOTHERAPY'));
    expect(text).not.toContain('are excluded from this copy');
    expect(res.disclosure).toMatchObject({ format: 'pdf', notes: 2, psychotherapyNotes: 1 });
    // The document is made from the records and the time alone: the same transfer again, to a
    // passphrase this time, decrypts to exactly the same bytes.
    const again = await call('transfer.client', { ...base, method: { kind: 'passphrase' }, includePsychotherapy: true, psychotherapyConfirmed: true });
    const reopened = ageDecryptWithPassphrase(again.path, again.passphrase!);
    expect(reopened.ok && reopened.plain.equals(opened)).toBe(true);
  }, 60_000);

  it('refuses a malformed recipient, a pasted secret key or an SSH key with INVALID_INPUT and a plain sentence; nothing is written, disclosed or audited', async () => {
    const { service: svc, call, client, dir, folder } = await practice();
    const { publicKey, identityFile } = ageKeygen();
    const secret = /AGE-SECRET-KEY-1[0-9A-Z]+/.exec(fs.readFileSync(identityFile, 'utf8'))![0];
    const bad = [
      publicKey.slice(0, -1),
      publicKey.slice(0, 20) + (publicKey[20] === 'q' ? 'p' : 'q') + publicKey.slice(21),
      'age1',
      'not a key at all',
      secret,
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHrM2RnbbHS4Y6vXyV1zuqBOJbk8RsH8S5GLo9H3Nqv7',
      'x'.repeat(5000),
      '',
    ];
    for (const key of bad) {
      const res = await svc.invoke('transfer.client', { clientId: client.id, recipientName: 'Dr. X', method: { kind: 'publicKey', publicKey: key }, folder });
      expect(res, key.slice(0, 30)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!res.ok) {
        expect(res.error.message).not.toContain(key.slice(4, 40) || '\u0000');
        expect(res.error.message).not.toMatch(/\/|\\/);
      }
    }
    const secretRes = await svc.invoke('transfer.client', { clientId: client.id, recipientName: 'Dr. X', method: { kind: 'publicKey', publicKey: secret }, folder });
    expect(!secretRes.ok && secretRes.error.message).toMatch(/secret key/);
    // Other bad requests: unknown client, no receiver name, a method that does not exist, no input at all.
    expect(await codeOf(svc, 'transfer.client', { clientId: 'f'.repeat(32), recipientName: 'Dr. X', method: { kind: 'passphrase' }, folder })).toBe('NOT_FOUND');
    expect(await codeOf(svc, 'transfer.client', { clientId: client.id, recipientName: '  ', method: { kind: 'passphrase' }, folder })).toBe('INVALID_INPUT');
    expect(await codeOf(svc, 'transfer.client', { clientId: client.id, recipientName: 'Dr. X', method: { kind: 'email' }, folder })).toBe('INVALID_INPUT');
    expect(await codeOf(svc, 'transfer.client', null)).toBe('INVALID_INPUT');
    expect(await codeOf(svc, 'transfer.list', { clientId: 'f'.repeat(32) })).toBe('NOT_FOUND');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(await call('transfer.list', { clientId: client.id })).toEqual([]);
    expect(await call('audit.list', { type: 'record.transferred' })).toEqual([]);
  });
});
