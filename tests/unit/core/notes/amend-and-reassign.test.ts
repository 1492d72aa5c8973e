import { afterEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { amendableParts } from '../../../../src-shared/contract/notes';
import { codeOf, relock, unlockedVault } from '../../../helpers/service';

let service: VaultService | undefined;
afterEach(() => service?.close());

async function setup() {
  const v = await unlockedVault();
  service = v.service;
  return v;
}

describe('addenda say which part of the signed note they amend', () => {
  it('stores the amended section with the addendum; an unknown part is refused', async () => {
    const { call, service: s, clock } = await setup();
    const note = await call('notes.create', { title: 'Session 4', kind: 'progress', templateId: 'soap', fields: { plan: 'Weekly CBT.' } });
    await call('notes.sign', { id: note.id, baseRev: note.rev });
    clock.setTime(clock.now() + 60_000);
    const added = await call('notes.addAddendum', { id: note.id, text: 'Plan changed to fortnightly.', section: 'plan' });
    expect(added.addendum).toMatchObject({ section: 'plan', createdAt: clock.now() });
    await call('notes.addAddendum', { id: note.id, text: 'Client confirmed by phone.' });
    expect(await codeOf(s, 'notes.addAddendum', { id: note.id, text: 'x', section: 'presenting-problem' })).toBe('INVALID_INPUT');
    await relock(s);
    const read = await call('notes.get', { id: note.id });
    expect(read.addenda.map((a) => [a.text, a.section])).toEqual([
      ['Plan changed to fortnightly.', 'plan'],
      ['Client confirmed by phone.', undefined],
    ]);
    expect(read.fields.plan).toBe('Weekly CBT.');
  });

  it('offers the session details, every section of the template in order, and the free text', () => {
    expect(amendableParts('soap').map((p) => p.label)).toEqual(['Session details', 'Subjective', 'Objective', 'Assessment', 'Plan', 'Note']);
    expect(amendableParts('free').map((p) => p.key)).toEqual(['session', 'note']);
  });
});

describe("a note's client can be set or changed until it is signed", () => {
  it('sets, changes and removes the client; the list and search follow; after signing it is refused', async () => {
    const { call, service: s } = await setup();
    const robin = await call('clients.create', { displayName: 'Robin Ashdown' });
    const sam = await call('clients.create', { displayName: 'Sam Lee' });
    const note = await call('notes.create', { title: 'Phone call', body: 'Discussed the sleep diary.' });
    expect(note.clientName).toBeUndefined();

    const set = await call('notes.update', { id: note.id, baseRev: note.rev, clientId: robin.id });
    expect(set).toMatchObject({ clientId: robin.id, clientName: 'Robin Ashdown', rev: 2 });
    const changed = await call('notes.update', { id: note.id, baseRev: 2, clientId: sam.id });
    expect(changed).toMatchObject({ clientId: sam.id, clientName: 'Sam Lee' });
    expect((await call('search.query', { text: 'sleep', clientId: sam.id, limit: 10 })).map((h) => h.noteId)).toEqual([note.id]);
    expect(await call('search.query', { text: 'sleep', clientId: robin.id, limit: 10 })).toEqual([]);
    expect(await call('notes.list', { clientId: robin.id, includeTrashed: false })).toEqual([]);

    const removed = await call('notes.update', { id: note.id, baseRev: 3, clientId: null });
    expect(removed.clientId).toBeUndefined();
    const again = await call('notes.update', { id: note.id, baseRev: 4, clientId: robin.id });
    await call('notes.sign', { id: note.id, baseRev: again.rev });
    expect(await codeOf(s, 'notes.update', { id: note.id, baseRev: again.rev + 1, clientId: sam.id })).toBe('NOTE_SIGNED');
    expect((await call('notes.get', { id: note.id })).clientName).toBe('Robin Ashdown');
  });
});
