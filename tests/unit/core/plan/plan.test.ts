import { describe, expect, it } from 'vitest';
import { vaultWithClient as start } from '../measures/fixture';

const PROBLEMS = [
  {
    text: 'Depressed mood most days',
    goals: [
      { text: 'PHQ-9 below 10 for a month', targetDate: '2026-06-01', status: 'active' as const, measure: 'phq9', objectives: [{ text: 'Walk 3 times a week', status: 'active' as const }] },
      { text: 'Return to work part time', status: 'active' as const },
    ],
  },
];

describe('treatment plan', () => {
  it('is null before the first save; a save gives every item an id that later saves keep', async () => {
    const { call, clientId } = await start();
    expect(await call('plan.get', { clientId })).toEqual({ plan: null, notesByGoal: {} });
    const first = await call('plan.save', { clientId, baseRev: null, problems: PROBLEMS });
    expect(first.rev).toBe(1);
    const [problem] = first.problems;
    expect(problem!.goals.map((g) => [g.text, g.status, g.measure])).toEqual([
      ['PHQ-9 below 10 for a month', 'active', 'phq9'],
      ['Return to work part time', 'active', undefined],
    ]);
    const ids = [problem!.id, ...problem!.goals.map((g) => g.id), problem!.goals[0]!.objectives[0]!.id];
    expect(new Set(ids).size).toBe(4);

    // The goal is met; the other is revised and a new one added.
    const next = structuredClone(first.problems);
    next[0]!.goals[0]!.status = 'met';
    next[0]!.goals[1]!.status = 'revised';
    const revisedGoals = [...next[0]!.goals, { text: 'Return to work 3 days a week', status: 'active' as const, objectives: [] }];
    const second = await call('plan.save', { clientId, baseRev: 1, problems: [{ ...next[0]!, goals: revisedGoals }] });
    expect(second.rev).toBe(2);
    expect(second.problems[0]!.goals.slice(0, 2).map((g) => g.id)).toEqual(problem!.goals.map((g) => g.id));
    expect(second.problems[0]!.goals.map((g) => g.status)).toEqual(['met', 'revised', 'active']);
    expect((await call('plan.get', { clientId })).plan).toEqual(second);

    // Revisions are kept: history shows what the plan said before.
    const history = await call('plan.history', { clientId });
    expect(history.map((h) => [h.rev, h.problems[0]!.goals.map((g) => g.status)])).toEqual([
      [1, ['active', 'active']],
      [2, ['met', 'revised', 'active']],
    ]);
  });

  it('a stale save is a CONFLICT, never an overwrite; a second first save too', async () => {
    const { svc, call, clientId } = await start();
    await call('plan.save', { clientId, baseRev: null, problems: PROBLEMS });
    await call('plan.save', { clientId, baseRev: 1, problems: [] });
    expect(await svc.invoke('plan.save', { clientId, baseRev: 1, problems: PROBLEMS })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await svc.invoke('plan.save', { clientId, baseRev: null, problems: PROBLEMS })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses bad input with INVALID_INPUT: empty goal text, unknown status, two items with one id', async () => {
    const { svc, clientId } = await start();
    const bad = [
      [{ text: 'P', goals: [{ text: '  ', status: 'active' }] }],
      [{ text: 'P', goals: [{ text: 'G', status: 'paused' }] }],
      [{ id: 'aaaaaaaaaaaaaaaa', text: 'P', goals: [{ id: 'aaaaaaaaaaaaaaaa', text: 'G', status: 'active' }] }],
    ];
    for (const problems of bad) {
      expect(await svc.invoke('plan.save', { clientId, baseRev: null, problems })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it("shows under each goal the client's notes that addressed it, newest first, without psychotherapy or trashed notes", async () => {
    const { call, clientId } = await start();
    const plan = await call('plan.save', { clientId, baseRev: null, problems: PROBLEMS });
    const [mood, work] = plan.problems[0]!.goals;
    const note = (title: string, serviceDate: string, goalIds: string[], kind: 'progress' | 'psychotherapy' = 'progress') =>
      call('notes.create', { title, clientId, kind, templateId: kind === 'progress' ? 'soap' : undefined, session: { serviceDate, riskFlags: [], goalIds } });
    const jan = await note('Jan session', '2026-01-08', [mood!.id]);
    const feb = await note('Feb session', '2026-02-05', [mood!.id, work!.id]);
    await note('Private', '2026-02-06', [mood!.id], 'psychotherapy');
    const trashed = await note('Trashed', '2026-02-07', [work!.id]);
    await call('notes.trash', { id: trashed.id });
    await call('notes.sign', { id: jan.id, baseRev: jan.rev });

    const { notesByGoal } = await call('plan.get', { clientId });
    expect(notesByGoal[mood!.id]).toEqual([
      { noteId: feb.id, title: 'Feb session', serviceDate: '2026-02-05', signed: false },
      { noteId: jan.id, title: 'Jan session', serviceDate: '2026-01-08', signed: true },
    ]);
    expect(notesByGoal[work!.id]?.map((n) => n.title)).toEqual(['Feb session']);
    // The note itself remembers which goals it addressed.
    expect((await call('notes.get', { id: feb.id })).session.goalIds).toEqual([mood!.id, work!.id]);
  });
});

describe('goal search', () => {
  it('finds goals by their words (last one a prefix, case and accents ignored), per client or across clients', async () => {
    const { call, clientId } = await start();
    const other = await call('clients.create', { displayName: 'Bo Ek' });
    await call('plan.save', { clientId, baseRev: null, problems: PROBLEMS });
    await call('plan.save', { clientId: other.id, baseRev: null, problems: [{ text: 'Panic at the café', goals: [{ text: 'Ride the bus to work alone', status: 'met' }] }] });
    const search = (text: string, only?: string) => call('plan.searchGoals', { text, ...(only ? { clientId: only } : {}) });
    expect((await search('WORK')).map((h) => [h.clientName, h.goal])).toEqual([
      ['Ada Quill', 'Return to work part time'],
      ['Bo Ek', 'Ride the bus to work alone'],
    ]);
    expect((await search('work', other.id)).map((h) => h.goal)).toEqual(['Ride the bus to work alone']);
    // The problem's words count, accents fold, and the last word is a prefix.
    expect(await search('cafe ri')).toMatchObject([{ clientId: other.id, problem: 'Panic at the café', status: 'met' }]);
    expect((await search('phq-9 bel')).map((h) => h.goal)).toEqual(['PHQ-9 below 10 for a month']);
    expect(await search('  ')).toEqual([]);
    expect(await search('nothing here')).toEqual([]);
  });
});
