import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/disk';
import { caller, pick, STRONG_PASSWORD, vaultService, type Call } from '../../../helpers/service';

/** A computer with SessionVault installed and no vault yet. */
async function device() {
  const { service } = await vaultService();
  return { service, call: caller(service) };
}

/** Everything the client record holds of measurement-based care, as the app shows it. */
async function careRecord(call: Call, clientId: string) {
  return {
    measures: await call('measures.list', { clientId }),
    plan: await call('plan.get', { clientId }),
    history: await call('plan.history', { clientId }),
  };
}

describe('measures and treatment plans in backups', () => {
  it('a vault with measures and a plan comes back identical on a fresh device', async () => {
    const laptop = await device();
    await laptop.call('vault.create', { password: STRONG_PASSWORD });
    const { id: clientId } = await laptop.call('clients.create', { displayName: 'Ada Quill', intakeDate: '2026-01-08' });
    const plan = await laptop.call('plan.save', {
      clientId,
      baseRev: null,
      problems: [{ text: 'Low mood', goals: [{ text: 'PHQ-9 under 10', status: 'active', measure: 'phq9', objectives: [{ text: 'Daily walk', status: 'active' }] }] }],
    });
    const goalId = plan.problems[0]!.goals[0]!.id;
    await laptop.call('plan.save', { clientId, baseRev: 1, problems: [{ ...plan.problems[0]!, text: 'Low mood, most days' }] });
    const note = await laptop.call('notes.create', { title: 'Session 1', clientId, kind: 'progress', session: { serviceDate: '2026-01-08', riskFlags: [], goalIds: [goalId] } });
    for (const [date, items] of [
      ['2026-01-08', [2, 2, 2, 2, 2, 2, 2, 2, 2]],
      ['2026-02-05', [1, 1, 2, 1, 1, 1, 1, 1, 0]],
      ['2026-03-05', [1, 1, null, 1, 1, 1, 1, 1, 0]],
    ] as const) {
      await laptop.call('measures.add', { clientId, date, instrument: 'phq9', items: [...items], ...(date === '2026-01-08' ? { noteId: note.id } : {}) });
    }
    await laptop.call('measures.add', { clientId, date: '2026-01-08', instrument: 'gad7', items: [3, 2, 2, 2, 1, 1, 1] });
    await laptop.call('measures.add', { clientId, date: '2026-01-08', instrument: 'custom', custom: { name: 'SUDS', min: 0, max: 100, higherIsBetter: false }, score: 70 });
    const before = await careRecord(laptop.call, clientId);
    expect(before.measures).toHaveLength(5);
    expect(before.plan.notesByGoal[goalId]?.map((n) => n.noteId)).toEqual([note.id]);

    const backupDir = tempDir('sv-usb-');
    const made = await laptop.call('backup.create', { folder: await pick(laptop.service, 'backup-folder', backupDir) });

    const fresh = await device();
    expect((await fresh.call('vault.status', {})).state).toBe('absent');
    await fresh.call('backup.restore', { backup: await pick(fresh.service, 'backup-file', made.path), password: STRONG_PASSWORD });
    expect(await careRecord(fresh.call, clientId)).toEqual(before);

    // Restored over the same laptop after a later measure: the vault reads as the backup, nothing remembered from before.
    await laptop.call('measures.add', { clientId, date: '2026-04-02', instrument: 'gad7', items: [0, 0, 0, 0, 0, 0, 0] });
    expect(await laptop.call('measures.list', { clientId })).toHaveLength(6);
    await laptop.call('backup.restore', { backup: await pick(laptop.service, 'backup-file', made.path), password: STRONG_PASSWORD });
    expect(await careRecord(laptop.call, clientId)).toEqual(before);
  });
});
