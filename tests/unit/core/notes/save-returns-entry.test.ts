import { describe, expect, it } from 'vitest';
import { unlockedVault } from '../../../helpers/service';


/** A save answers with the note's list entry, so the UI never reads back the note it just saved. */
describe('notes.create and notes.update return the list entry', () => {
  it('create returns exactly what notes.list then shows, client name included', async () => {
    const v = await unlockedVault();
    const client = await v.call('clients.create', { displayName: 'Robin Ashdown' });
    const created = await v.call('notes.create', {
      title: 'Session 1',
      clientId: client.id,
      kind: 'progress',
      session: { serviceDate: '2025-03-10', startTime: '10:00', riskFlags: ['Self-harm'] },
    });
    const [listed] = await v.call('notes.list', { includeTrashed: false });
    expect(created).toEqual(listed);
    expect(created).toMatchObject({ rev: 1, clientName: 'Robin Ashdown', serviceDate: '2025-03-10', riskFlags: ['Self-harm'], signed: false });
  });

  it('update returns the new entry; an unchanged save returns the same revision', async () => {
    const v = await unlockedVault();
    const { id } = await v.call('notes.create', { title: 'Draft' });
    await v.clock.advance(60_000);
    const updated = await v.call('notes.update', { id, baseRev: 1, title: 'Session 2', session: { serviceDate: '2025-04-01', riskFlags: [] } });
    expect(updated).toMatchObject({ id, rev: 2, title: 'Session 2', serviceDate: '2025-04-01', updatedAt: v.clock.now() });
    expect(updated).toEqual((await v.call('notes.list', { includeTrashed: false }))[0]);
    const same = await v.call('notes.update', { id, baseRev: 2, title: 'Session 2' });
    expect(same).toEqual(updated);
  });
});
