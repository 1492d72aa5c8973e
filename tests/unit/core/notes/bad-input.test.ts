import { describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { unlockedVault } from '../../../helpers/service';


async function setup() {
  const v = await unlockedVault();
  return v;
}

const MB_PLUS = 'x'.repeat(1_000_001);
const GHOST = 'fedcba9876543210fedcba9876543210';

/** The error of a call that must fail with INVALID_INPUT; its message must name `field`. */
async function invalid(s: VaultService, channel: string, input: unknown, field: string): Promise<string> {
  const res = await s.invoke(channel, input);
  expect(res.ok, `${channel} ${field}`).toBe(false);
  if (res.ok) return '';
  expect(res.error.code, `${channel} ${field}`).toBe('INVALID_INPUT');
  expect(res.error.message, `${channel} ${field}`).toContain(field);
  return res.error.message;
}

describe('bad input', () => {
  it('oversize text is refused naming the field', async () => {
    const { call, service: s } = await setup();
    const { id } = await call('notes.create', { title: 't', kind: 'progress' });
    await invalid(s, 'notes.create', { title: 't', body: MB_PLUS }, 'body');
    await invalid(s, 'notes.create', { title: 'x'.repeat(1001) }, 'title');
    await invalid(s, 'notes.create', { title: 't', templateId: 'soap', fields: { subjective: MB_PLUS } }, 'fields.subjective');
    await invalid(s, 'notes.update', { id, baseRev: 1, fields: { plan: MB_PLUS } }, 'fields.plan');
    await invalid(s, 'notes.addAddendum', { id, text: MB_PLUS }, 'text');
    await invalid(s, 'clients.create', { displayName: 'x'.repeat(201) }, 'displayName');
    await invalid(s, 'clients.create', { displayName: 'ok', notes: MB_PLUS }, 'notes');
    await invalid(s, 'search.query', { text: 'x'.repeat(501) }, 'text');
  });

  it('bad enums, dates and times are refused naming the field', async () => {
    const { service: s } = await setup();
    await invalid(s, 'notes.create', { title: 't', kind: 'progres' }, 'kind');
    await invalid(s, 'notes.create', { title: 't', templateId: 'SOAP' }, 'templateId');
    await invalid(s, 'notes.create', { title: 't', session: { serviceDate: '2025-03-01', modality: 'fax' } }, 'session.modality');
    await invalid(s, 'notes.create', { title: 't', session: { serviceDate: '2025-02-30' } }, 'session.serviceDate');
    await invalid(s, 'notes.create', { title: 't', session: { serviceDate: '2025-03-01', startTime: '25:00' } }, 'session.startTime');
    await invalid(s, 'notes.create', { title: 't', session: { serviceDate: '2025-03-01', durationMinutes: 0 } }, 'session.durationMinutes');
    await invalid(s, 'notes.list', { kind: 'letter' }, 'kind');
    await invalid(s, 'clients.create', { displayName: 'x', status: 'gone' }, 'status');
    await invalid(s, 'clients.create', { displayName: '   ' }, 'displayName');
    await invalid(s, 'clients.create', { displayName: 'x', dateOfBirth: '01/02/1990' }, 'dateOfBirth');
  });

  it('fields must be sections of the note template', async () => {
    const { call, service: s } = await setup();
    await invalid(s, 'notes.create', { title: 't', templateId: 'soap', fields: { data: 'DAP section' } }, 'fields.data');
    await invalid(s, 'notes.create', { title: 't', fields: { subjective: 'free has no sections' } }, 'fields.subjective');
    const { id } = await call('notes.create', { title: 't', templateId: 'soap', fields: { subjective: 's' } });
    // Switching template must bring fields that fit the new one.
    await invalid(s, 'notes.update', { id, baseRev: 1, templateId: 'dap' }, 'fields.subjective');
    expect((await call('notes.update', { id, baseRev: 1, templateId: 'dap', fields: { data: 's' } })).rev).toBe(2);
  });

  it('unknown ids are NOT_FOUND on every channel that takes one', async () => {
    const { service: s } = await setup();
    const cases: [string, object][] = [
      ['notes.get', { id: GHOST }],
      ['notes.update', { id: GHOST, baseRev: 1, title: 'x' }],
      ['notes.sign', { id: GHOST, baseRev: 1 }],
      ['notes.addAddendum', { id: GHOST, text: 'x' }],
      ['notes.trash', { id: GHOST }],
      ['notes.restore', { id: GHOST }],
      ['notes.history', { id: GHOST }],
      ['notes.getRevision', { id: GHOST, rev: 1 }],
      ['clients.get', { id: GHOST }],
      ['clients.unarchive', { id: GHOST }],
    ];
    for (const [channel, input] of cases) {
      expect(await s.invoke(channel, input), channel).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('a client id is not a note id and the other way round', async () => {
    const { call, service: s } = await setup();
    const c = await call('clients.create', { displayName: 'x' });
    const n = await call('notes.create', { title: 'x' });
    expect(await s.invoke('notes.get', { id: c.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.invoke('clients.get', { id: n.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a refused call writes nothing and never echoes the text', async () => {
    const { call, service: s } = await setup();
    const secret = 'SECRET-Hollis-8812';
    const { id } = await call('notes.create', { title: 'keep', templateId: 'soap', fields: { plan: 'p' } });
    const msg = await invalid(s, 'notes.update', { id, baseRev: 1, title: secret, fields: { bogus: secret } }, 'fields.bogus');
    expect(msg).not.toContain(secret);
    const msg2 = await invalid(s, 'notes.create', { title: secret, kind: secret }, 'kind');
    expect(msg2).not.toContain(secret);
    expect(await call('notes.history', { id })).toHaveLength(1);
    expect((await call('notes.list', {})).map((n) => n.title)).toEqual(['keep']);
    expect(await call('search.query', { text: 'hollis' })).toEqual([]);
  });
});
