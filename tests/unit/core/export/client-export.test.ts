import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/disk';
import { codeOf, pick, unlockedVault } from '../../../helpers/service';


const day = (serviceDate: string) => ({ serviceDate, riskFlags: [] as string[] });

/** Client A with one note of every kind (canaries in each), a signed note with an addendum, a trashed note; client B with one note. */
async function practice() {
  const v = await unlockedVault();
  const { call } = v;
  const a = await call('clients.create', { displayName: 'Ada <b>Lovelace</b> & Co', dateOfBirth: '1990-12-10', intakeDate: '2024-01-02', notes: 'Emergency contact canary CONTACT-A' });
  const b = await call('clients.create', { displayName: 'Bob Other' });
  const kept = {
    progress: await call('notes.create', {
      title: 'Session <script>alert(1)</script>',
      clientId: a.id,
      kind: 'progress',
      templateId: 'soap',
      fields: { subjective: 'CANARY-PROGRESS-S', plan: 'CANARY-PROGRESS-P' },
      session: { serviceDate: '2024-02-01', startTime: '10:00', durationMinutes: 50, serviceCode: 'CPT 90834', modality: 'video', attendees: 'client', riskFlags: ['SI-passive'] },
    }),
    intake: await call('notes.create', { title: 'Intake', clientId: a.id, kind: 'intake', fields: {}, body: 'CANARY-INTAKE', session: day('2024-01-02') }),
    plan: await call('notes.create', { title: 'Plan', clientId: a.id, kind: 'treatment-plan', body: 'CANARY-PLAN', session: day('2024-01-09') }),
    discharge: await call('notes.create', { title: 'Discharge', clientId: a.id, kind: 'discharge', body: 'CANARY-DISCHARGE', session: day('2024-06-01') }),
    free: await call('notes.create', { title: 'Phone call', clientId: a.id, kind: 'free', body: 'CANARY-FREE\nsecond line', session: day('2024-03-03') }),
  };
  const signed = await call('notes.sign', { id: kept.plan.id, baseRev: kept.plan.rev });
  await call('notes.addAddendum', { id: signed.id, text: 'CANARY-ADDENDUM' });
  await call('notes.create', { title: 'Process', clientId: a.id, kind: 'psychotherapy', body: 'CANARY-PSYCHOTHERAPY-1', session: day('2024-02-01') });
  const psy2 = await call('notes.create', { title: 'Process 2', clientId: a.id, kind: 'psychotherapy', body: 'CANARY-PSYCHOTHERAPY-2', session: day('2024-02-08') });
  await call('notes.sign', { id: psy2.id, baseRev: psy2.rev });
  const trashed = await call('notes.create', { title: 'Wrong client', clientId: a.id, kind: 'progress', body: 'CANARY-TRASHED', session: day('2024-02-02') });
  await call('notes.trash', { id: trashed.id });
  await call('notes.create', { title: 'B session', clientId: b.id, kind: 'progress', body: 'CANARY-OTHER-CLIENT', session: day('2024-02-01') });
  return { ...v, a, b, kept };
}

describe('export.client as HTML (records request)', () => {
  it('holds every signed note of the client and, when asked, the unsigned drafts marked as such; never psychotherapy notes or another client', async () => {
    const { call, a, service } = await practice();
    const dir = tempDir('sv-export-');
    const out = await call('export.client', { clientId: a.id, format: 'html', folder: await pick(service, 'export-folder', dir), includeUnsigned: true });
    expect(out.counts).toEqual({ notes: 5, unsignedIncluded: 4, psychotherapy: 2, unsigned: 0, trashed: 1, outsideRange: 0 });
    expect(path.dirname(out.path)).toBe(dir);
    expect(out.path).toMatch(/\.html$/);
    const html = fs.readFileSync(out.path, 'utf8');

    for (const canary of ['CANARY-PROGRESS-S', 'CANARY-PROGRESS-P', 'CANARY-INTAKE', 'CANARY-PLAN', 'CANARY-DISCHARGE', 'CANARY-FREE', 'CANARY-ADDENDUM', 'CONTACT-A']) {
      expect(html, canary).toContain(canary);
    }
    for (const canary of ['CANARY-PSYCHOTHERAPY-1', 'CANARY-PSYCHOTHERAPY-2', 'CANARY-OTHER-CLIENT', 'CANARY-TRASHED', 'Bob Other', 'Process']) {
      expect(html, canary).not.toContain(canary);
    }
    // Cover page: demographics and what is left out, and why.
    expect(html).toContain('10 Dec 1990');
    expect(html).toContain('45 CFR 164.501');
    expect(html).toContain('45 CFR 164.524(a)(1)(i)');
    expect(html).toContain('What is left out, and why');
    // Session header, signature naming the clinician, drafts marked, print CSS.
    expect(html).toContain('CPT 90834');
    expect(html).toContain('SI-passive');
    expect(html).toMatch(/Signed electronically by Dana Reyes, LCSW, CA license 12345, 14 Mar 2025 \d\d:\d\d/);
    expect(html.match(/<thead><tr><th>UNSIGNED DRAFT/g)).toHaveLength(4);
    expect(html).toContain('@media print');
    // Chronological: intake (Jan 2) before discharge (Jun 1).
    expect(html.indexOf('CANARY-INTAKE')).toBeLessThan(html.indexOf('CANARY-DISCHARGE'));
  });

  it('leaves unsigned drafts out by default and says how many', async () => {
    const { call, a, service } = await practice();
    const out = await call('export.client', { clientId: a.id, format: 'html', folder: await pick(service, 'export-folder', tempDir('sv-export-')) });
    expect(out.counts).toMatchObject({ notes: 1, unsignedIncluded: 0, unsigned: 4 });
    const html = fs.readFileSync(out.path, 'utf8');
    expect(html).toContain('CANARY-PLAN');
    for (const canary of ['CANARY-PROGRESS-S', 'CANARY-INTAKE', 'CANARY-DISCHARGE', 'CANARY-FREE', 'UNSIGNED DRAFT:']) expect(html, canary).not.toContain(canary);
    expect(html).toContain('4 unsigned drafts: not signed by the clinician, so not part of the finished record.');
  });

  it('escapes everything the clinician typed', async () => {
    const { call, a, service } = await practice();
    const folder = await pick(service, 'export-folder', tempDir('sv-export-'));
    const html = fs.readFileSync((await call('export.client', { clientId: a.id, format: 'html', folder, includeUnsigned: true })).path, 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Lovelace</b>');
    expect(html).toContain('Session &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Ada &lt;b&gt;Lovelace&lt;/b&gt; &amp; Co');
  });

  it('never replaces an earlier export, leaves no temp file, and keeps the name out of the file name', async () => {
    const { call, a, service } = await practice();
    const dir = tempDir('sv-export-');
    const folder = await pick(service, 'export-folder', dir);
    const first = await call('export.client', { clientId: a.id, format: 'html', folder });
    const second = await call('export.client', { clientId: a.id, format: 'pdf', folder });
    const third = await call('export.client', { clientId: a.id, format: 'pdf', folder });
    expect(new Set([first.path, second.path, third.path]).size).toBe(3);
    expect(fs.readdirSync(dir).sort()).toEqual([first.path, second.path, third.path].map((p) => path.basename(p)).sort());
    for (const p of [first.path, second.path]) expect(p).not.toMatch(/Ada|Lovelace/);
  });

  it('unwritable or vanished folder -> IO_ERROR; a path, or a handle for another use -> INVALID_INPUT; unknown client -> NOT_FOUND; dates out of order -> INVALID_INPUT; nothing logged for failures', async () => {
    const { service: svc, call, a } = await practice();
    const folder = await pick(svc, 'export-folder', tempDir());
    const gone = tempDir('sv-export-gone-');
    const goneFolder = await pick(svc, 'export-folder', gone);
    fs.rmSync(gone, { recursive: true });
    expect(await codeOf(svc, 'export.client', { clientId: a.id, format: 'pdf', folder: goneFolder })).toBe('IO_ERROR');
    const proc = await pick(svc, 'export-folder', '/proc');
    const res = await svc.invoke('export.client', { clientId: a.id, format: 'html', folder: proc });
    expect(res).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
    if (!res.ok) expect(res.error.message).not.toContain('/proc');
    expect(await codeOf(svc, 'export.client', { clientId: a.id, format: 'html', folder: tempDir() })).toBe('INVALID_INPUT');
    expect(await codeOf(svc, 'export.client', { clientId: a.id, format: 'html', folder: await pick(svc, 'backup-folder', tempDir()) })).toBe('INVALID_INPUT');
    expect(await codeOf(svc, 'export.client', { clientId: 'ffffffffffffffffffffffffffffffff', format: 'html', folder })).toBe('NOT_FOUND');
    expect(await codeOf(svc, 'export.client', { clientId: a.id, folder, from: '2024-05-01', to: '2024-01-01' })).toBe('INVALID_INPUT');
    expect(await call('audit.list', { type: 'export.created' })).toEqual([]);
    await svc.lock('manual');
    expect(await codeOf(svc, 'export.client', { clientId: a.id, format: 'html', folder })).toBe('VAULT_LOCKED');
  });
});
