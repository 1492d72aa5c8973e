import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { unlockedVault } from '../../../helpers/service';

describe('retention purge', () => {
  it("deletes the client's measures and treatment plan with every revision; other clients keep theirs", async () => {
    const v = await unlockedVault(); // its clock: 2025-03-14
    const { call } = v;
    const old = await call('clients.create', { displayName: 'Old Ashworth' });
    const kept = await call('clients.create', { displayName: 'Kept Fox' });
    await call('notes.create', { title: 'n', clientId: old.id, kind: 'progress', session: { serviceDate: '2016-05-10', riskFlags: [] } });
    const ids: string[] = [];
    for (const clientId of [old.id, kept.id]) {
      const m = await call('measures.add', { clientId, date: '2016-05-10', instrument: 'gad7', items: [1, 1, 1, 1, 1, 1, 1] });
      await call('measures.update', { id: m.id, baseRev: m.rev, date: '2016-05-10', instrument: 'gad7', items: [2, 1, 1, 1, 1, 1, 1] });
      const plan = await call('plan.save', { clientId, baseRev: null, problems: [{ text: 'P', goals: [{ text: 'G', status: 'active' }] }] });
      await call('plan.save', { clientId, baseRev: plan.rev, problems: plan.problems });
      if (clientId === old.id) ids.push(m.id);
    }
    await call('retention.purge', { clientId: old.id, confirm: true, confirmPhrase: 'Old Ashworth' });

    expect((await call('measures.list', { clientId: kept.id })).length).toBe(1);
    expect((await call('plan.get', { clientId: kept.id })).plan?.rev).toBe(2);
    v.service.close();
    const db = new Database(path.join(v.dataDir, 'vault.db'), { readonly: true });
    const count = (kind: string) => (db.prepare('SELECT COUNT(*) AS n FROM records WHERE kind = ?').get(kind) as { n: number }).n;
    const heads = (kind: string) => (db.prepare('SELECT COUNT(*) AS n FROM heads WHERE kind = ?').get(kind) as { n: number }).n;
    const measureRows = (db.prepare('SELECT COUNT(*) AS n FROM records WHERE id = ?').get(ids[0]) as { n: number }).n;
    // Only the kept client's: one measure and one plan, two revisions each.
    expect([count('measure'), heads('measure'), count('treatment-plan'), heads('treatment-plan'), measureRows]).toEqual([2, 1, 2, 1, 0]);
    db.close();
  });
});
