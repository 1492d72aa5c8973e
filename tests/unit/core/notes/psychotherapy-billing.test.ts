import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { codeOf, unlockedVault } from '../../../helpers/service';

let service: VaultService | undefined;
afterEach(() => service?.close());

const session = { serviceDate: '2025-03-10', durationMinutes: 50, serviceCode: 'CPT 90834', riskFlags: [] };

/** Psychotherapy notes are kept apart from the billing record: no service code is ever stored with one. */
describe('psychotherapy notes carry no billing fields', () => {
  it('refuses a service code on a psychotherapy note, at create and at update', async () => {
    const v = await unlockedVault();
    service = v.service;
    expect(await codeOf(v.service, 'notes.create', { title: 'Process notes', kind: 'psychotherapy', session })).toBe('INVALID_INPUT');
    const res = await v.service.invoke('notes.create', { title: 'Process notes', kind: 'psychotherapy', session });
    expect(res.ok || res.error.message).toContain('session.serviceCode');
    expect(res.ok || res.error.message).not.toContain('CPT');

    const { serviceCode: _none, ...noBilling } = session;
    const note = await v.call('notes.create', { title: 'Process notes', kind: 'psychotherapy', session: noBilling });
    expect(await codeOf(v.service, 'notes.update', { id: note.id, baseRev: note.rev, session })).toBe('INVALID_INPUT');
    expect((await v.call('notes.get', { id: note.id })).session).toEqual(noBilling);
  });

  it('a progress note turned into a psychotherapy note drops its service code; the earlier revision keeps it', async () => {
    const v = await unlockedVault();
    service = v.service;
    const note = await v.call('notes.create', { title: 'Session 3', kind: 'progress', session });
    const turned = await v.call('notes.update', { id: note.id, baseRev: note.rev, kind: 'psychotherapy' });
    expect(turned).toMatchObject({ kind: 'psychotherapy', isPsychotherapy: true, rev: 2 });
    const now = await v.call('notes.get', { id: note.id });
    expect(now.session).toEqual({ serviceDate: '2025-03-10', durationMinutes: 50, riskFlags: [] });
    expect((await v.call('notes.getRevision', { id: note.id, rev: 1 })).session.serviceCode).toBe('CPT 90834');
    // Further edits keep working without the code.
    expect(await v.call('notes.update', { id: note.id, baseRev: 2, body: 'Countertransference.' })).toMatchObject({ rev: 3 });
    // And a progress note may still carry one.
    expect((await v.call('notes.create', { title: 'Billing ok', kind: 'progress', session })).kind).toBe('progress');
  });
});
