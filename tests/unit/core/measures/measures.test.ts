import { describe, expect, it } from 'vitest';
import { filesContaining } from '../../../helpers/disk';
import { vaultWithClient as start } from './fixture';

const PHQ_18: number[] = [2, 2, 2, 2, 2, 2, 2, 2, 2];

describe('measures', () => {
  it('stores a PHQ-9 and returns it scored; the list is oldest first and per client', async () => {
    const { call, clientId } = await start();
    const other = await call('clients.create', { displayName: 'Other' });
    const later = await call('measures.add', { clientId, date: '2026-02-05', instrument: 'phq9', items: [1, 1, 1, 1, 1, 1, 1, 1, 1] });
    const first = await call('measures.add', { clientId, date: '2026-01-08', instrument: 'phq9', items: PHQ_18, difficulty: 2 });
    await call('measures.add', { clientId: other.id, date: '2026-01-09', instrument: 'gad7', items: [3, 3, 3, 3, 3, 3, 3] });
    expect(first).toMatchObject({ instrument: 'phq9', score: 18, band: 'moderately severe', complete: true, riskFlag: true, difficulty: 2 });
    expect(later).toMatchObject({ score: 9, band: 'mild', riskFlag: true });
    const list = await call('measures.list', { clientId });
    expect(list.map((m) => [m.date, m.score])).toEqual([
      ['2026-01-08', 18],
      ['2026-02-05', 9],
    ]);
    expect((await call('measures.list', { clientId: other.id })).map((m) => [m.instrument, m.score, m.band])).toEqual([['gad7', 21, 'severe']]);
  });

  it('an incomplete form is kept, flagged, with no total; item 9 still raises the flag', async () => {
    const { call, clientId } = await start();
    const m = await call('measures.add', { clientId, date: '2026-01-08', instrument: 'phq9', items: [0, 0, null, 0, 0, 0, 0, 0, 1] });
    expect(m).toMatchObject({ complete: false, answered: 8, score: null, band: null, riskFlag: true });
  });

  it.each([
    ['an item scored 4', { instrument: 'phq9', items: [4, 0, 0, 0, 0, 0, 0, 0, 0] }, /answer is a number from 0 to 3/],
    ['a negative item', { instrument: 'gad7', items: [0, -1, 0, 0, 0, 0, 0] }, /0 to 3/],
    ['a fractional item', { instrument: 'gad7', items: [0, 1.5, 0, 0, 0, 0, 0] }, /0 to 3/],
    ['missing items (8 of 9)', { instrument: 'phq9', items: [0, 0, 0, 0, 0, 0, 0, 0] }, /PHQ-9 has 9 items/],
    ['no items at all', { instrument: 'gad7' }, /items/],
    ['an unknown instrument', { instrument: 'bdi2', items: [] }, /Use one of: phq9, gad7, custom/],
    ['a custom score out of range', { instrument: 'custom', custom: { name: 'SUDS', min: 0, max: 100, higherIsBetter: false }, score: 101 }, /outside the range/],
    ['a custom range upside down', { instrument: 'custom', custom: { name: 'SUDS', min: 10, max: 0, higherIsBetter: false }, score: 5 }, /lowest score must be below/],
    ['a bad date', { instrument: 'gad7', items: [0, 0, 0, 0, 0, 0, 0], date: '8 Jan' }, /date like/],
  ])('refuses %s with INVALID_INPUT and stores nothing', async (_what, entry, message) => {
    const { svc, call, clientId } = await start();
    const result = await svc.invoke('measures.add', { clientId, date: '2026-01-08', ...entry });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
    expect(await call('measures.list', { clientId })).toEqual([]);
  });

  it('a custom measure keeps its name, range and direction', async () => {
    const { call, clientId } = await start();
    const custom = { name: 'Sleep quality', min: 0, max: 10, higherIsBetter: true, meaningfulChange: 2 };
    const m = await call('measures.add', { clientId, date: '2026-01-08', instrument: 'custom', custom, score: 7.5 });
    expect(m).toMatchObject({ instrument: 'custom', custom, score: 7.5, complete: true, band: null, riskFlag: false });
  });

  it('an edit is a new revision (stale base -> CONFLICT) and keeps the instrument', async () => {
    const { svc, call, clientId } = await start();
    const m = await call('measures.add', { clientId, date: '2026-01-08', instrument: 'gad7', items: [1, 1, 1, 1, 1, 1, 1] });
    const edited = await call('measures.update', { id: m.id, baseRev: m.rev, date: '2026-01-09', instrument: 'gad7', items: [2, 2, 2, 2, 2, 2, 2] });
    expect(edited).toMatchObject({ id: m.id, rev: 2, date: '2026-01-09', score: 14, band: 'moderate', createdAt: m.createdAt });
    const stale = await svc.invoke('measures.update', { id: m.id, baseRev: 1, date: '2026-01-09', instrument: 'gad7', items: [0, 0, 0, 0, 0, 0, 0] });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const switched = await svc.invoke('measures.update', { id: m.id, baseRev: 2, date: '2026-01-09', instrument: 'phq9', items: [0, 0, 0, 0, 0, 0, 0, 0, 0] });
    expect(switched).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it("links a measure to one of the client's record notes only", async () => {
    const { svc, call, clientId } = await start();
    const note = await call('notes.create', { title: 'Session', clientId, kind: 'progress' });
    const other = await call('clients.create', { displayName: 'Other' });
    const theirs = await call('notes.create', { title: 'Theirs', clientId: other.id, kind: 'progress' });
    const privateNote = await call('notes.create', { title: 'Process', clientId, kind: 'psychotherapy' });
    const linked = await call('measures.add', { clientId, date: '2026-01-08', noteId: note.id, instrument: 'gad7', items: [0, 0, 0, 0, 0, 0, 0] });
    expect(linked.noteId).toBe(note.id);
    expect(await svc.invoke('measures.add', { clientId, date: '2026-01-08', noteId: theirs.id, instrument: 'gad7', items: [0, 0, 0, 0, 0, 0, 0] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await svc.invoke('measures.add', { clientId, date: '2026-01-08', noteId: privateNote.id, instrument: 'gad7', items: [0, 0, 0, 0, 0, 0, 0] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/not a psychotherapy note/) },
    });
    expect(await svc.invoke('measures.add', { clientId, date: '2026-01-08', noteId: 'ffffffffffffffff', instrument: 'gad7', items: [0, 0, 0, 0, 0, 0, 0] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('refuses an unknown client (NOT_FOUND), and everything while locked (VAULT_LOCKED)', async () => {
    const { svc, call, clientId } = await start();
    expect(await svc.invoke('measures.list', { clientId: 'ffffffffffffffff' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await call('vault.lock', {});
    expect(await svc.invoke('measures.list', { clientId })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });

  it('keeps custom measure names and plan text encrypted at rest', async () => {
    const { call, clientId, dataDir } = await start();
    await call('measures.add', { clientId, date: '2026-01-08', instrument: 'custom', custom: { name: 'Canaryzoid index', min: 0, max: 5, higherIsBetter: false }, score: 3 });
    await call('plan.save', { clientId, baseRev: null, problems: [{ text: 'Quokkaproblem', goals: [{ text: 'Wombatgoal', status: 'active', objectives: [{ text: 'Numbatstep', status: 'active' }] }] }] });
    await call('vault.lock', {});
    for (const canary of ['Canaryzoid', 'Quokkaproblem', 'Wombatgoal', 'Numbatstep']) expect(filesContaining(dataDir, canary)).toEqual([]);
  });
});
