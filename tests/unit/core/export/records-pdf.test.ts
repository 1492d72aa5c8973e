import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { pdfInfo, pdfPages, pdfText, qpdfCheck } from '../../../helpers/pdf';
import { tempDir } from '../../../helpers/disk';
import { codeOf, pick, unlockedVault } from '../../../helpers/service';

/** The service of the running test (closed after it by the shared helpers). */
let service: VaultService | undefined;

const day = (serviceDate: string) => ({ serviceDate, riskFlags: [] as string[] });
/** A new folder of the test's own, chosen for exports (as the preview chooses: a typed path). */
const chosen = () => pick(service!, 'export-folder', tempDir('sv-pdf-'));
const SIGNATURE = /Signed electronically by Dana Reyes, LCSW, CA license 12345, 14 Mar 2025 \d\d:\d\d \S+/;

/** M. Okafor: two signed notes (one with an addendum), one short and one three-page draft, a psychotherapy note, a consent. */
async function practice() {
  const v = await unlockedVault();
  service = v.service;
  const { call } = v;
  const client = await call('clients.create', { displayName: 'M. Okafor', dateOfBirth: '1986-02-11' });
  await call('consent.add', { clientId: client.id, type: 'treatment', givenOn: '2025-01-02', form: 'Consent form v3' });
  const session4 = await call('notes.create', {
    title: 'Session 4',
    clientId: client.id,
    kind: 'progress',
    templateId: 'soap',
    fields: { subjective: 'Canary-signed-Halvorsen reports better sleep.', plan: 'Continue CBT.' },
    session: { serviceDate: '2025-03-03', startTime: '14:00', durationMinutes: 50, serviceCode: 'CPT 90834', riskFlags: [] },
  });
  await call('notes.sign', { id: session4.id, baseRev: session4.rev });
  await call('notes.addAddendum', { id: session4.id, text: 'Canary-addendum-Brask: session was 45 minutes.' });
  const intake = await call('notes.create', { title: 'Intake', clientId: client.id, kind: 'intake', body: 'Canary-intake-Moravec', session: day('2025-01-02') });
  await call('notes.sign', { id: intake.id, baseRev: intake.rev });
  const draft = await call('notes.create', { title: 'Session 5', clientId: client.id, kind: 'progress', templateId: 'free', body: 'Canary-draft-Quenby', session: day('2025-03-10') });
  const longDraft = Array.from({ length: 150 }, (_, i) => `Canary-long-draft line ${i}`).join('\n');
  await call('notes.create', { title: 'Session 6', clientId: client.id, kind: 'progress', templateId: 'free', body: longDraft, session: day('2025-03-17') });
  const psy = await call('notes.create', { title: 'Process', clientId: client.id, kind: 'psychotherapy', body: 'Canary-psychotherapy-Ilsted', session: day('2025-03-03') });
  await call('notes.sign', { id: psy.id, baseRev: psy.rev });
  return { ...v, client, session4, draft };
}

describe('records-request PDF', () => {
  it('is a valid PDF: cover with the exclusions and why, each signed note with its signature naming the clinician, page N of M and the client on every page', async () => {
    const { call, client } = await practice();
    const dir = tempDir('sv-pdf-');
    const out = await call('export.client', { clientId: client.id, format: 'pdf', folder: await pick(service!, 'export-folder', dir) });
    expect(out.counts).toEqual({ notes: 2, unsignedIncluded: 0, psychotherapy: 1, unsigned: 2, trashed: 0, outsideRange: 0 });
    expect(fs.readdirSync(dir)).toEqual([path.basename(out.path)]);
    expect(qpdfCheck(out.path)).toMatch(/No syntax or stream encoding errors/);
    // Cover, consents, then one page per note.
    const pages = pdfPages(out.path);
    expect(pages).toBe(4);
    expect(pdfInfo(out.path)).toMatchObject({ Title: 'Client record: copy for a records request', Author: 'Dana Reyes' });

    const cover = pdfText(out.path, 1);
    expect(cover).toContain('Client record: copy for a records request');
    expect(cover).toContain('Client M. Okafor');
    expect(cover).toContain('Date of birth 11 Feb 1986');
    expect(cover).toContain('Dates of service All dates: 2 Jan 2025 to 3 Mar 2025');
    expect(cover).toContain('Prepared by Dana Reyes, LCSW, CA license 12345');
    expect(cover).toContain('2 signed notes');
    expect(cover).toContain('What is left out, and why');
    expect(cover).toContain('Psychotherapy notes: notes the clinician keeps apart from the record, as defined in HIPAA 45 CFR 164.501, are excluded from the right of access under 45 CFR 164.524(a)(1)(i).');
    expect(cover).toContain('2 unsigned drafts: not signed by the clinician, so not part of the finished record.');

    const text = pdfText(out.path);
    for (const canary of ['Canary-signed-Halvorsen', 'Canary-addendum-Brask', 'Canary-intake-Moravec', 'CPT 90834', 'Consent form v3']) expect(text, canary).toContain(canary);
    // Leaving out is the default for drafts; psychotherapy notes never go in.
    for (const canary of ['Canary-psychotherapy-Ilsted', 'Process', 'Canary-draft-Quenby', 'Canary-long-draft', 'UNSIGNED DRAFT:']) expect(text, canary).not.toContain(canary);

    const session4 = pdfText(out.path, 4);
    expect(session4).toContain('3 Mar 2025: Session 4');
    expect(session4).toMatch(SIGNATURE);
    expect(session4).toMatch(/Addendum by Dana Reyes, LCSW, CA license 12345, 14 Mar 2025/);
    // Oldest first: the intake (2 Jan) comes before Session 4 (3 Mar).
    expect(pdfText(out.path, 3)).toContain('2 Jan 2025: Intake');
    for (let page = 1; page <= pages; page++) {
      expect(pdfText(out.path, page)).toContain(`M. Okafor, born 11 Feb 1986 Page ${page} of ${pages}`);
    }
  });

  it('includes unsigned drafts only when asked, each marked UNSIGNED DRAFT on every page it covers', async () => {
    const { call, client } = await practice();
    const out = await call('export.client', { clientId: client.id, format: 'pdf', folder: await chosen(), includeUnsigned: true });
    expect(out.counts).toMatchObject({ notes: 4, unsignedIncluded: 2, unsigned: 0 });
    qpdfCheck(out.path);
    const pages = pdfPages(out.path);
    expect(pdfText(out.path, 1)).toContain('2 unsigned drafts, marked UNSIGNED DRAFT on every page: not signed by the clinician and not final.');
    const draftPages: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(out.path, page);
      const isDraft = text.includes('Canary-draft-Quenby') || text.includes('Canary-long-draft');
      if (isDraft) draftPages.push(page);
      expect(text.includes('UNSIGNED DRAFT: not signed by the clinician, not part of the finished record'), `page ${page}`).toBe(isDraft);
      if (text.includes('Canary-signed-Halvorsen')) expect(text).toMatch(SIGNATURE);
    }
    // The short draft on one page, the long one over at least three.
    expect(draftPages.length).toBeGreaterThanOrEqual(4);
    expect(pdfText(out.path)).toContain('Not signed: this is an unsigned draft.');
  });

  it('keeps a signature as it was signed: a later change to the profile changes who prepares the copy, never who signed', async () => {
    const { call, client } = await practice();
    const before = await call('export.client', { clientId: client.id, format: 'pdf', folder: await chosen() });
    await call('profile.update', { name: 'Dana Reyes-Okafor', credential: 'PsyD', licenseNumber: 'PSY 999', licenseState: 'NY' });
    const after = await call('export.client', { clientId: client.id, format: 'pdf', folder: await chosen() });
    const signatureOf = (file: string) => SIGNATURE.exec(pdfText(file, 4))?.[0];
    expect(signatureOf(after.path)).toBeDefined();
    expect(signatureOf(after.path)).toBe(signatureOf(before.path));
    expect(pdfText(after.path, 4)).not.toContain('Reyes-Okafor');
    expect(pdfText(after.path, 1)).toContain('Prepared by Dana Reyes-Okafor, PsyD, NY license PSY 999');
  });

  it('limits notes to a range of dates and says how many fell outside it', async () => {
    const { call, client } = await practice();
    const out = await call('export.client', { clientId: client.id, format: 'pdf', folder: await chosen(), from: '2025-03-01', to: '2025-03-31' });
    expect(out.counts).toMatchObject({ notes: 1, outsideRange: 1 });
    const text = pdfText(out.path);
    expect(text).toContain('Dates of service 1 Mar 2025 to 31 Mar 2025 (as requested)');
    expect(text).toContain('1 note dated outside the requested dates.');
    expect(text).toContain('Canary-signed-Halvorsen');
    expect(text).not.toContain('Canary-intake-Moravec');
  });

  it('is the same document for the same records at the same time: nothing else goes into it', async () => {
    const { call, client } = await practice();
    const a = await call('export.client', { clientId: client.id, format: 'pdf', folder: await chosen() });
    const b = await call('export.client', { clientId: client.id, format: 'pdf', folder: await chosen() });
    expect(fs.readFileSync(a.path).equals(fs.readFileSync(b.path))).toBe(true);
  });
});

describe('one note as a PDF', () => {
  it('holds the note with its signature line and addenda, and the client in the footer', async () => {
    const { call, session4 } = await practice();
    const { path: file } = await call('export.note', { id: session4.id, folder: await chosen() });
    qpdfCheck(file);
    expect(pdfPages(file)).toBe(1);
    const text = pdfText(file);
    expect(text).toContain('3 Mar 2025: Session 4');
    expect(text).toContain('Canary-signed-Halvorsen');
    expect(text).toMatch(SIGNATURE);
    expect(text).toContain('Canary-addendum-Brask');
    expect(text).toContain('M. Okafor, born 11 Feb 1986 Page 1 of 1');
    expect(path.basename(file)).not.toMatch(/Okafor|Session/);
  });

  it('marks an unsigned note on every page and a psychotherapy note as kept apart; refuses a note in the trash', async () => {
    const { service: svc, call, draft } = await practice();
    const { path: file } = await call('export.note', { id: draft.id, folder: await chosen() });
    expect(pdfText(file)).toMatch(/^UNSIGNED DRAFT: not signed by the clinician/);
    const psy = (await call('notes.list', { kind: 'psychotherapy' }))[0]!;
    const psyFile = (await call('export.note', { id: psy.id, folder: await chosen() })).path;
    expect(pdfText(psyFile)).toMatch(/^PSYCHOTHERAPY NOTE: kept apart from the client record \(45 CFR 164\.501\)/);
    await call('notes.trash', { id: draft.id });
    expect(await codeOf(svc, 'export.note', { id: draft.id, folder: await chosen() })).toBe('INVALID_INPUT');
  });
});
