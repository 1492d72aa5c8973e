import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordStore } from '../../../../src-main/core/records/record-store';
import { TEMPLATES } from '../../../../src-shared/templates';
import { codeOf, relock, unlockedVault } from '../../../helpers/service';

afterEach(() => vi.restoreAllMocks());

const setup = unlockedVault;

const soap = { subjective: 'Sleeping better, less worry at work.', objective: 'Calm, good eye contact.', assessment: 'Improving.', plan: 'Continue CBT weekly.' };

describe('notes: templates, session header and list', () => {
  it('creates a structured SOAP progress note with a session header and reads it back after relock', async () => {
    const { call, service: s } = await setup();
    const session = {
      serviceDate: '2025-03-10',
      startTime: '14:30',
      durationMinutes: 50,
      serviceCode: 'CPT 90834',
      modality: 'video' as const,
      attendees: 'client',
      riskFlags: ['passive SI'],
    };
    const { id, rev } = await call('notes.create', { title: 'Session 4', kind: 'progress', templateId: 'soap', fields: soap, session });
    expect(rev).toBe(1);
    await relock(s);
    const note = await call('notes.get', { id });
    expect(note).toMatchObject({ title: 'Session 4', kind: 'progress', templateId: 'soap', fields: soap, session, body: '', signed: false });
    expect(note.isPsychotherapy).toBe(false);
    expect(note.addenda).toEqual([]);
  });

  it('defaults: kind free, the kind\'s template, today as date of service', async () => {
    const { call, clock } = await setup();
    const plain = await call('notes.get', { id: (await call('notes.create', { title: 'T', body: 'B' })).id });
    expect(plain).toMatchObject({ kind: 'free', templateId: 'free', fields: {}, session: { riskFlags: [] } });
    const d = new Date(clock.now());
    expect(plain.session.serviceDate).toBe(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
    const intake = await call('notes.get', { id: (await call('notes.create', { title: 'Intake', kind: 'intake' })).id });
    expect(intake.templateId).toBe('intake');
    expect(TEMPLATES.intake.sections.map((s) => s.key)).toContain('presenting-problem');
  });

  it('lists summaries newest date of service first, filtered by client and kind', async () => {
    const { call } = await setup();
    const client = await call('clients.create', { displayName: 'A.B.' });
    const mk = (title: string, serviceDate: string, extra: object = {}) =>
      call('notes.create', { title, session: { serviceDate, riskFlags: [] }, ...extra });
    await mk('Jan', '2025-01-05', { clientId: client.id, kind: 'progress' });
    await mk('Mar', '2025-03-01', { clientId: client.id, kind: 'progress' });
    await mk('Feb', '2025-02-01');
    await mk('Mar later', '2025-03-01', { clientId: client.id, kind: 'progress', session: { serviceDate: '2025-03-01', startTime: '16:00', riskFlags: [] } });
    await mk('Process', '2025-02-15', { clientId: client.id, kind: 'psychotherapy' });
    expect((await call('notes.list', {})).map((n) => n.title)).toEqual(['Mar later', 'Mar', 'Process', 'Feb', 'Jan']);
    const forClient = await call('notes.list', { clientId: client.id });
    expect(forClient.map((n) => n.title)).toEqual(['Mar later', 'Mar', 'Process', 'Jan']);
    expect(forClient.every((n) => n.clientName === 'A.B.')).toBe(true);
    expect((await call('notes.list', { clientId: client.id, kind: 'progress' })).map((n) => n.title)).toEqual(['Mar later', 'Mar', 'Jan']);
  });

  it('marks psychotherapy notes in summaries and lets the record view leave them out', async () => {
    const { call } = await setup();
    const c = await call('clients.create', { displayName: 'C-104' });
    await call('notes.create', { title: 'Progress', kind: 'progress', clientId: c.id, fields: soap });
    const p = await call('notes.create', { title: 'My process notes', kind: 'psychotherapy', clientId: c.id, body: 'Countertransference.' });
    const list = await call('notes.list', { clientId: c.id });
    const flagged = list.filter((n) => n.isPsychotherapy);
    expect(flagged.map((n) => n.id)).toEqual([p.id]);
    expect(flagged[0]?.kind).toBe('psychotherapy');
    expect((await call('notes.list', { clientId: c.id, kind: 'psychotherapy' })).map((n) => n.id)).toEqual([p.id]);
    expect((await call('notes.get', { id: p.id })).isPsychotherapy).toBe(true);
  });
});

describe('notes: autosave with baseRev', () => {
  it('patches only what is sent and returns CONFLICT for a stale revision without overwriting', async () => {
    const { call, service: s } = await setup();
    const { id } = await call('notes.create', { title: 'S', kind: 'progress', fields: soap });
    const r2 = await call('notes.update', { id, baseRev: 1, fields: { ...soap, plan: 'Move to biweekly.' } });
    expect(r2.rev).toBe(2);
    expect(await codeOf(s, 'notes.update', { id, baseRev: 1, title: 'from another window' })).toBe('CONFLICT');
    const note = await call('notes.get', { id });
    expect(note).toMatchObject({ rev: 2, title: 'S', fields: { plan: 'Move to biweekly.', subjective: soap.subjective } });
  });

  it('an autosave with unchanged content saves no new revision', async () => {
    const { call } = await setup();
    const { id } = await call('notes.create', { title: 'S', body: 'same' });
    expect(await call('notes.update', { id, baseRev: 1, title: 'S', body: 'same' })).toMatchObject({ id, rev: 1 });
    expect(await call('notes.history', { id })).toHaveLength(1);
  });

  it('keeps the skeleton UI shape working: {title, body} create and update', async () => {
    const { call } = await setup();
    const { id } = await call('notes.create', { title: 'Quick', body: 'text' });
    await call('notes.update', { id, baseRev: 1, title: 'Quick 2', body: 'more text' });
    expect(await call('notes.get', { id })).toMatchObject({ title: 'Quick 2', body: 'more text', rev: 2 });
  });

  it('can attach, move and detach a client', async () => {
    const { call } = await setup();
    const a = await call('clients.create', { displayName: 'Alpha' });
    const { id } = await call('notes.create', { title: 'n', clientId: a.id });
    await call('notes.update', { id, baseRev: 1, clientId: null });
    const note = await call('notes.get', { id });
    expect(note.clientId).toBeUndefined();
    expect(note.clientName).toBeUndefined();
  });
});

describe('notes: signing and addenda', () => {
  it('a signed note refuses every edit with NOTE_SIGNED, even with the right baseRev', async () => {
    const { call, service: s, clock } = await setup();
    const { id } = await call('notes.create', { title: 'S', kind: 'progress', fields: soap });
    await clock.advance(60_000);
    const signed = await call('notes.sign', { id, baseRev: 1 });
    expect(signed).toEqual({ id, rev: 2, signedAt: clock.now() });
    expect(await codeOf(s, 'notes.update', { id, baseRev: 2, title: 'changed' })).toBe('NOTE_SIGNED');
    expect(await codeOf(s, 'notes.update', { id, baseRev: 1, title: 'changed' })).toBe('NOTE_SIGNED');
    expect(await codeOf(s, 'notes.sign', { id, baseRev: 2 })).toBe('NOTE_SIGNED');
    await relock(s);
    expect(await call('notes.get', { id })).toMatchObject({ title: 'S', fields: soap, signed: true, signedAt: signed.signedAt, rev: 2 });
  });

  it('signing from a stale revision is a CONFLICT: you sign what you saw', async () => {
    const { call, service: s } = await setup();
    const { id } = await call('notes.create', { title: 'S', body: 'v1' });
    await call('notes.update', { id, baseRev: 1, body: 'v2' });
    expect(await codeOf(s, 'notes.sign', { id, baseRev: 1 })).toBe('CONFLICT');
    expect((await call('notes.get', { id })).signed).toBe(false);
  });

  it('addenda are timestamped, appended in order, and never change the signed text', async () => {
    const { call, service: s, clock } = await setup();
    const { id } = await call('notes.create', { title: 'S', body: 'original' });
    expect(await codeOf(s, 'notes.addAddendum', { id, text: 'too early' })).toBe('INVALID_INPUT');
    await call('notes.sign', { id, baseRev: 1 });
    await clock.advance(3_600_000);
    const first = await call('notes.addAddendum', { id, text: 'Correction: session was 45 minutes.' });
    expect(first.addendum).toMatchObject({ text: 'Correction: session was 45 minutes.', createdAt: clock.now() });
    await clock.advance(1000);
    const second = await call('notes.addAddendum', { id, text: 'Client called to confirm.' });
    expect(second.rev).toBe(first.rev + 1);
    await relock(s);
    const note = await call('notes.get', { id });
    expect(note.body).toBe('original');
    expect(note.addenda.map((a) => a.text)).toEqual(['Correction: session was 45 minutes.', 'Client called to confirm.']);
    expect(note.addenda[0]).toEqual(first.addendum);
    expect(note.addendaCount).toBe(2);
    expect(await codeOf(s, 'notes.addAddendum', { id, text: '   ' })).toBe('INVALID_INPUT');
    expect(await codeOf(s, 'notes.update', { id, baseRev: note.rev, body: 'rewrite' })).toBe('NOTE_SIGNED');
  });
});

describe('notes: history', () => {
  it('keeps every revision, with what each save did, readable by number', async () => {
    const { call, service: s, clock } = await setup();
    const { id } = await call('notes.create', { title: 'Draft', body: 'one' });
    await clock.advance(1000);
    await call('notes.update', { id, baseRev: 1, title: 'Draft 2', body: 'two' });
    await clock.advance(1000);
    await call('notes.sign', { id, baseRev: 2 });
    await call('notes.addAddendum', { id, text: 'late addition' });
    await call('notes.trash', { id });
    await call('notes.restore', { id });
    const history = await call('notes.history', { id });
    expect(history.map((h) => [h.rev, h.change, h.signed, h.trashed])).toEqual([
      [1, 'created', false, false],
      [2, 'edited', false, false],
      [3, 'signed', true, false],
      [4, 'addendum', true, false],
      [5, 'trashed', true, true],
      [6, 'restored', true, false],
    ]);
    expect(history[1]?.updatedAt).toBeGreaterThan(history[0]!.updatedAt);
    const old = await call('notes.getRevision', { id, rev: 1 });
    expect(old).toMatchObject({ rev: 1, title: 'Draft', body: 'one', signed: false });
    expect(await codeOf(s, 'notes.getRevision', { id, rev: 7 })).toBe('NOT_FOUND');
  });
});

describe('notes: trash', () => {
  it('trash hides a note from the list, restore brings it back unchanged', async () => {
    const { call, service: s } = await setup();
    const { id } = await call('notes.create', { title: 'Keep me', body: 'text' });
    const t = await call('notes.trash', { id });
    expect(t.rev).toBe(2);
    expect(await call('notes.list', {})).toEqual([]);
    expect((await call('notes.list', { includeTrashed: true })).map((n) => [n.id, n.trashedAt])).toEqual([[id, t.trashedAt]]);
    expect(await codeOf(s, 'notes.update', { id, baseRev: 2, body: 'edit in trash' })).toBe('INVALID_INPUT');
    expect(await call('notes.trash', { id })).toEqual(t);
    await call('notes.restore', { id });
    const note = await call('notes.get', { id });
    expect(note).toMatchObject({ title: 'Keep me', body: 'text', rev: 3 });
    expect(note.trashedAt).toBeUndefined();
  });

  it('emptying asks for confirmation, deletes unsigned trashed notes for good and keeps signed ones', async () => {
    const { call, service: s } = await setup();
    const draft = await call('notes.create', { title: 'draft', body: 'x' });
    const signed = await call('notes.create', { title: 'signed', body: 'y' });
    const kept = await call('notes.create', { title: 'not trashed', body: 'z' });
    await call('notes.sign', { id: signed.id, baseRev: 1 });
    await call('notes.trash', { id: draft.id });
    await call('notes.trash', { id: signed.id });
    expect(await codeOf(s, 'notes.emptyTrash', {})).toBe('INVALID_INPUT');
    expect(await codeOf(s, 'notes.emptyTrash', { confirm: false })).toBe('INVALID_INPUT');
    expect(await call('notes.emptyTrash', { confirm: true })).toEqual({ deleted: 1, keptSigned: 1 });
    await relock(s);
    expect(await codeOf(s, 'notes.get', { id: draft.id })).toBe('NOT_FOUND');
    expect(await codeOf(s, 'notes.history', { id: draft.id })).toBe('NOT_FOUND');
    expect((await call('notes.list', { includeTrashed: true })).map((n) => n.title).sort()).toEqual(['not trashed', 'signed']);
    expect((await call('notes.get', { id: signed.id })).trashedAt).toBeTypeOf('number');
    expect((await call('notes.get', { id: kept.id })).body).toBe('z');
  });

  it('emptying the trash is all or nothing: a failure half-way deletes no note', async () => {
    const { call, service: s } = await setup();
    const a = await call('notes.create', { title: 'a', body: 'x' });
    const b = await call('notes.create', { title: 'b', body: 'y' });
    await call('notes.trash', { id: a.id });
    await call('notes.trash', { id: b.id });
    const purge = RecordStore.prototype.purge;
    let calls = 0;
    vi.spyOn(RecordStore.prototype, 'purge').mockImplementation(function (this: RecordStore, id, kind) {
      if (++calls === 2) throw Object.assign(new Error('simulated'), { code: 'SQLITE_IOERR' });
      purge.call(this, id, kind);
    });
    expect(await codeOf(s, 'notes.emptyTrash', { confirm: true })).toBe('IO_ERROR');
    expect(calls).toBe(2);
    vi.restoreAllMocks();
    expect((await call('notes.list', { includeTrashed: true })).map((n) => n.title).sort()).toEqual(['a', 'b']);
    await relock(s);
    expect((await call('notes.list', { includeTrashed: true })).map((n) => n.title).sort()).toEqual(['a', 'b']);
    expect((await call('notes.getRevision', { id: a.id, rev: 1 })).body).toBe('x');
    expect(await call('notes.emptyTrash', { confirm: true })).toEqual({ deleted: 2, keptSigned: 0 });
  });
});
