import fs from 'node:fs';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ftsMatch } from '../../../../src-main/core/search/fts-query';
import { DAY_SLOTS, SearchIndex } from '../../../../src-main/core/search/search-index';
import { snippetParts } from '../../../../src-shared/contract/search';
import { filesContaining, tamper } from '../../../helpers/disk';
import { codeOf, relock, unlockedVault } from '../../../helpers/service';

afterEach(() => vi.restoreAllMocks());

async function setup() {
  const v = await unlockedVault();
  const search = (text: string, extra: { clientId?: string; limit?: number; offset?: number } = {}) => v.call('search.query', { text, ...extra });
  return { ...v, search };
}

const hits = (snippet: string) => snippetParts(snippet).filter((p) => p.hit).map((p) => p.text.toLowerCase());

describe('search.query', () => {
  it('lists matches newest session first, whatever order they were written or edited in, a page at a time, with marked snippets', async () => {
    const { call, search } = await setup();
    const session = (serviceDate: string) => ({ session: { serviceDate, riskFlags: [] } });
    const filler = 'We talked about work, family routines, exercise and plans for the coming weeks; mood, energy and appetite stable. ';
    const march = await call('notes.create', { title: 'Weekly session', kind: 'progress', fields: { subjective: 'Insomnia, insomnia: insomnia worse on Sundays.' }, ...session('2024-03-05') });
    const titled = await call('notes.create', { title: 'Insomnia follow-up', body: filler, ...session('2023-11-20') });
    const june = await call('notes.create', { title: 'Check-in', body: `${filler}Briefly, insomnia after the move. ${filler}`, ...session('2024-06-12') });
    const january = await call('notes.create', { title: 'Intake', body: 'Insomnia since the divorce.', ...session('2024-01-08') });
    await call('notes.create', { title: 'Other', body: filler, ...session('2024-07-01') });
    const newestFirst = [june.id, march.id, january.id, titled.id];
    expect((await search('insomnia')).map((r) => r.noteId)).toEqual(newestFirst);
    // An edit writes the note again; its place still follows its session's date.
    await call('notes.update', { id: titled.id, baseRev: 1, body: `${filler}Insomnia better.` });
    const results = await search('insomnia');
    expect(results.map((r) => r.noteId)).toEqual(newestFirst);
    expect(results.map((r) => r.serviceDate)).toEqual(['2024-06-12', '2024-03-05', '2024-01-08', '2023-11-20']);
    expect(hits(results[0]!.snippet)).toEqual(['insomnia']);
    expect(snippetParts(results[0]!.snippet).map((p) => p.text).join('')).toContain('Briefly, insomnia after the move');
    expect(results[1]).toMatchObject({ title: 'Weekly session', kind: 'progress', signed: false });
    // The next page starts where the last one stopped.
    expect((await search('insomnia', { limit: 3 })).map((r) => r.noteId)).toEqual(newestFirst.slice(0, 3));
    expect((await search('insomnia', { limit: 3, offset: 3 })).map((r) => r.noteId)).toEqual(newestFirst.slice(3));
    expect(await search('insomnia', { limit: 3, offset: 4 })).toEqual([]);
  });

  it('a match that no longer opens is left out and the next one takes its place: pages stay full, and the screen knows older matches are left', async () => {
    const { call, search, dataDir } = await setup();
    const ids: string[] = [];
    for (let day = 1; day <= 7; day++) {
      const note = await call('notes.create', { title: `Visit ${day}`, body: 'Insomnia again.', session: { serviceDate: `2024-01-0${day}`, riskFlags: [] } });
      ids.unshift(note.id); // newest first
    }
    expect((await search('insomnia', { limit: 9 })).map((r) => r.noteId)).toEqual(ids);
    // The newest match is damaged while the vault is open: it fails to open from now on.
    tamper(dataDir, (db) => {
      const { ciphertext } = db.prepare('SELECT ciphertext FROM records WHERE id = ? AND rev = 1').get(ids[0]) as { ciphertext: Buffer };
      ciphertext.writeUInt8(ciphertext.readUInt8(10) ^ 1, 10);
      db.prepare('UPDATE records SET ciphertext = ? WHERE id = ? AND rev = 1').run(ciphertext, ids[0]);
    });
    // Asked for 4 (a page of 3 and one to tell if more follow, as the screen asks): 4 come back.
    const first = await search('insomnia', { limit: 4 });
    expect(first.map((r) => r.noteId)).toEqual(ids.slice(1, 5));
    // The next page, from the 3 shown on: it may repeat one (the screen drops it), never skips one.
    const next = await search('insomnia', { limit: 4, offset: 3 });
    expect(next.map((r) => r.noteId)).toEqual(ids.slice(3, 7));
  });

  it('finds words in sections, body, addenda and client names; matches the last word as a prefix', async () => {
    const { call, search } = await setup();
    const client = await call('clients.create', { displayName: 'Marguerite Okonkwo' });
    const soapNote = await call('notes.create', { title: 'S1', clientId: client.id, kind: 'progress', fields: { objective: 'Tearful, psychomotor slowing.' } });
    const free = await call('notes.create', { title: 'Call', body: 'Phoned pharmacy about refill.' });
    await call('notes.sign', { id: free.id, baseRev: 1 });
    await call('notes.addAddendum', { id: free.id, text: 'Pharmacy confirmed the sertraline dose.' });
    expect((await search('psychomotor')).map((r) => r.noteId)).toEqual([soapNote.id]);
    expect((await search('pharmacy')).map((r) => r.noteId)).toEqual([free.id]);
    const byAddendum = await search('sertraline');
    expect(byAddendum.map((r) => [r.noteId, r.signed])).toEqual([[free.id, true]]);
    expect(hits(byAddendum[0]!.snippet)).toEqual(['sertraline']);
    const byName = await search('okonkwo');
    expect(byName.map((r) => [r.noteId, r.clientId, r.clientName])).toEqual([[soapNote.id, client.id, 'Marguerite Okonkwo']]);
    expect((await search('psychomo')).map((r) => r.noteId)).toEqual([soapNote.id]);
    expect(await search('tearful pharmacy')).toEqual([]);
  });

  it('filters by client, limits, and keeps psychotherapy notes marked by kind', async () => {
    const { call, search } = await setup();
    const a = await call('clients.create', { displayName: 'A' });
    const b = await call('clients.create', { displayName: 'B' });
    const pa = await call('notes.create', { title: 'Process', clientId: a.id, kind: 'psychotherapy', body: 'rumination theme' });
    await call('notes.create', { title: 'Other', clientId: b.id, body: 'rumination again' });
    await call('notes.create', { title: 'Third', body: 'rumination three' });
    expect((await search('rumination', { clientId: a.id })).map((r) => [r.noteId, r.kind])).toEqual([[pa.id, 'psychotherapy']]);
    expect(await search('rumination', { limit: 2 })).toHaveLength(2);
  });

  it('follows every save: edits, trash, restore, empty trash and client renames', async () => {
    const { call, search, service: s } = await setup();
    const c = await call('clients.create', { displayName: 'Oldname' });
    const { id } = await call('notes.create', { title: 'n', clientId: c.id, body: 'alpha' });
    await call('notes.update', { id, baseRev: 1, body: 'bravo' });
    expect(await search('alpha')).toEqual([]);
    expect((await search('bravo')).map((r) => r.noteId)).toEqual([id]);
    await call('clients.update', { id: c.id, baseRev: 1, displayName: 'Newname' });
    expect(await search('oldname')).toEqual([]);
    expect((await search('newname')).map((r) => r.clientName)).toEqual(['Newname']);
    await call('notes.trash', { id });
    expect(await search('bravo')).toEqual([]);
    await call('notes.restore', { id });
    expect((await search('bravo')).map((r) => r.noteId)).toEqual([id]);
    await call('notes.trash', { id });
    await call('notes.emptyTrash', { confirm: true });
    expect(await codeOf(s, 'notes.restore', { id })).toBe('NOT_FOUND');
    expect(await search('bravo')).toEqual([]);
  });

  it('treats any text as words, never as FTS5 syntax', async () => {
    const { call, search, service } = await setup();
    const { id } = await call('notes.create', { title: 'Plan', body: 'She said "NEAR" and OR-ed (sic) title:x ^start' });
    for (const text of ['"', '""', 'NEAR(', 'a OR b', 'NOT', '*', 'title:x', '^start', '-x', '(sic', '\u0002', '   ', '', 'AND AND']) {
      const res = await service.invoke('search.query', { text });
      expect(res.ok, JSON.stringify(text)).toBe(true);
    }
    expect((await search('"NEAR"')).map((r) => r.noteId)).toEqual([id]);
    expect((await search('title:x')).map((r) => r.noteId)).toEqual([id]);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 60 }), async (text) => {
        const res = await service.invoke('search.query', { text });
        expect(res.ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves stop words out: a query finds what its other words find, a stop word alone finds nothing', async () => {
    const { call, search } = await setup();
    const safety = await call('notes.create', { title: 'Safety plan', body: 'Reviewed the safety plan with the family. Then a state-of-the-art sleep diary.' });
    const other = await call('notes.create', { title: 'Check-in', body: 'Family visit went well; plan to travel.' });
    const found = await search('safety plan with the family');
    expect(found.map((r) => r.noteId)).toEqual([safety.id]);
    // Only the words searched for are marked, never "with" or "the".
    expect(new Set(hits(found[0]!.snippet))).toEqual(new Set(['safety', 'plan', 'family']));
    expect((await search('plan for family')).map((r) => r.noteId).sort()).toEqual([safety.id, other.id].sort());
    expect((await search('state-of-the-art')).map((r) => r.noteId)).toEqual([safety.id]);
    expect((await search('The')).map((r) => r.noteId)).toEqual([]);
    expect((await search('the and of')).map((r) => r.noteId)).toEqual([]);
    // Words that merely start like one are kept.
    expect((await search('then')).map((r) => r.noteId)).toEqual([safety.id]);
  });

  it('matches the last word as a start from its third letter, whole when shorter, and never matches a client key', async () => {
    const { call, search } = await setup();
    const client = await call('clients.create', { displayName: 'Ilse Marchetti' });
    const used = await call('notes.create', { title: 'S1', clientId: client.id, body: 'Cannabis used daily since June. PHQ-9 of 14.' });
    const use = await call('notes.create', { title: 'S2', clientId: client.id, body: 'Cannabis use disorder, mild. Us and them.' });
    const user = await call('notes.create', { title: 'S3', body: 'Joined a cannabis user group; follow_up booked. PHQ-95 is no measure.' });
    await call('notes.create', { title: 'S4', body: 'Use of the safety plan; cannabinoid oil.' });
    const found = async (text: string, clientId?: string) => (await search(text, clientId ? { clientId } : {})).map((r) => r.noteId).sort();
    expect(await found('cannabis use')).toEqual([used.id, use.id, user.id].sort());
    expect(await found('cannabis use', client.id)).toEqual([used.id, use.id].sort());
    expect(await found('cannabis usef')).toEqual([]);
    expect(await found('cannabis us')).toEqual([use.id]);
    expect(await found('PHQ-9')).toEqual([used.id]);
    expect(await found('PHQ-95')).toEqual([user.id]);
    expect(await found('follow up')).toEqual([user.id]);
    // The client filter is a token per client; no typed text reaches it.
    for (const text of [client.id, `_${client.id}`, `c${client.id}`, '_', `_${client.id.slice(0, 6)}`]) expect(await found(text), text).toEqual([]);
  });

  it('is closed at lock and rebuilt from the vault at unlock', async () => {
    const put = vi.spyOn(SearchIndex.prototype, 'put');
    const query = vi.spyOn(SearchIndex.prototype, 'query');
    const { call, search, service: s } = await setup();
    const { id } = await call('notes.create', { title: 'Lock test', body: 'zephyr' });
    const first = put.mock.contexts.at(-1) as SearchIndex;
    expect(first.isOpen).toBe(true);
    await relock(s);
    expect(first.isOpen).toBe(false);
    expect(() => first.query('zephyr', { limit: 5 })).toThrow();
    expect((await search('zephyr')).map((r) => r.noteId)).toEqual([id]);
    const second = query.mock.contexts.at(-1) as SearchIndex;
    expect(second).not.toBe(first);
    expect(second.isOpen).toBe(true);
    await s.invoke('vault.lock', {});
    expect(second.isOpen).toBe(false);
    expect(await s.invoke('search.query', { text: 'zephyr' })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });

  it('never touches the disk: no new files, no searchable word in any file', async () => {
    const { call, search, dataDir } = await setup();
    const canary = 'Quixotically7731';
    await call('notes.create', { title: 'x', body: `the ${canary} word` });
    const before = fs.readdirSync(dataDir).sort();
    for (let i = 0; i < 20; i++) expect(await search(canary.slice(0, 5 + (i % 8)))).toHaveLength(1);
    expect(fs.readdirSync(dataDir).sort()).toEqual(before);
    expect(filesContaining(dataDir, canary)).toEqual([]);
    expect(filesContaining(dataDir, canary.toLowerCase())).toEqual([]);
  });
});

describe('ftsMatch', () => {
  it('quotes every word, doubles quotes, prefixes the last, drops punctuation-only words and stop words', () => {
    expect(ftsMatch('panic  attack')).toBe('"panic" "attack"*');
    expect(ftsMatch('say "hello"')).toBe('"say" """hello"""*');
    expect(ftsMatch('plan for the family')).toBe('"plan" "family"*');
    expect(ftsMatch('snake_case')).toBe('"snake case"*');
    expect(ftsMatch('... -- ()')).toBeNull();
    expect(ftsMatch('the')).toBeNull();
    expect(ftsMatch('')).toBeNull();
  });

  it('makes the last word a prefix only when its last token has three letters or more', () => {
    expect(ftsMatch('Cannabis USE')).toBe('"Cannabis" "USE"*');
    expect(ftsMatch('cannabis us')).toBe('"cannabis" "us"');
    expect(ftsMatch('PHQ-9')).toBe('"PHQ-9"');
    expect(ftsMatch('self-harm')).toBe('"self-harm"*');
    expect(ftsMatch('harm.')).toBe('"harm."*');
    expect(ftsMatch('Zoë')).toBe('"Zoë"*');
    expect(ftsMatch('Zo')).toBe('"Zo"');
  });
});

describe('the index sealed at lock', () => {
  it('holds no stop words: a note padded with them costs what its other words cost', () => {
    const sealedSize = (content: string) => {
      const index = new SearchIndex();
      for (let i = 0; i < 50; i++) index.put({ noteId: `n${i}`, title: `Visit ${i}`, content, addenda: '' }, undefined);
      const bytes = index.serialize().length;
      index.close();
      return bytes;
    };
    const words = 'Insomnia worse, appetite down; grief about her mother. ';
    const common = 'And the, as it was: to be, or (at that) with their — they? This is for a... ';
    expect(sealedSize(`${words}${common.repeat(40)}`)).toBe(sealedSize(words));
  });

  it('holds no free pages: what was merged or deleted does not come back into memory at the next unlock', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 400; i++) index.put({ noteId: `n${i}`, title: `Visit ${i}`, content: `word${i} `.repeat(200), addenda: '' }, undefined);
    index.optimize();
    for (let i = 0; i < 300; i++) index.remove(`n${i}`);
    const bytes = index.serialize();
    index.close();
    const reopened = new Database(bytes);
    expect(reopened.pragma('freelist_count', { simple: true })).toBe(0);
    expect(reopened.prepare('SELECT count(*) AS n FROM docs').get()).toEqual({ n: 100 });
    reopened.close();
  });
});

describe('places within a day', () => {
  const setup = () => {
    const index = new SearchIndex();
    const put = (id: string, date: string, content = 'group session notes') => index.put({ noteId: id, title: 'Group', content, addenda: '', serviceDate: date }, undefined);
    return { index, put, all: () => index.query('group', { limit: 500 }) };
  };

  it('editing a note again and again, with searches and locks between, never moves it above a later day', () => {
    const { index, put, all } = setup();
    put('A', '2024-03-01');
    put('B', '2024-03-01');
    put('C', '2024-03-02');
    put('D', '2024-03-02');
    expect(all()).toEqual(['D', 'C', 'B', 'A']);
    // Each autosave is indexed at the next search (or the lock): 40 times, more than a day has places.
    for (let i = 0; i < 40; i++) {
      const id = i % 2 ? 'B' : 'A';
      put(id, '2024-03-01', `group session notes, edit ${i}`);
      expect(index.query('edit', { limit: 5 })).toContain(id);
      expect(all()).toEqual(['D', 'C', 'B', 'A']);
    }
    index.close();
  });

  it('a busy day (30 group notes) written after the next day keeps its notes below that day', () => {
    const { index, put, all } = setup();
    put('next', '2024-03-02');
    put('before', '2024-02-29');
    expect(all()).toHaveLength(2);
    const busy = Array.from({ length: 30 }, (_, i) => `busy${i}`);
    expect(busy.length).toBeLessThanOrEqual(DAY_SLOTS);
    for (const id of busy) put(id, '2024-03-01');
    const order = all();
    expect(order[0]).toBe('next');
    expect(order.at(-1)).toBe('before');
    expect(new Set(order.slice(1, -1))).toEqual(new Set(busy));
    index.close();
  });

  it('a note moved to another day moves in the order, and its old place is free for the day', () => {
    const { index, put, all } = setup();
    put('A', '2024-03-01');
    put('B', '2024-03-02');
    put('C', '2024-03-03');
    put('A', '2024-03-04', 'group session notes, date corrected');
    expect(all()).toEqual(['A', 'C', 'B']);
    put('A', '2024-03-01', 'group session notes, date put back');
    expect(all()).toEqual(['C', 'B', 'A']);
    index.close();
  });
});

describe('a day with more notes than it has places in the index', () => {
  it('keeps every note findable, once, after the days around it', () => {
    const index = new SearchIndex();
    const put = (id: string, date: string, content: string) => index.put({ noteId: id, title: 'Group', content, addenda: '', serviceDate: date }, undefined);
    for (let i = 0; i < 5; i++) put(`next${i}`, '2024-03-02', 'group session notes');
    for (let i = 0; i < 40; i++) put(`busy${i}`, '2024-03-01', 'group session notes');
    put('before', '2024-02-29', 'group session notes');
    const all = index.query('group', { limit: 200 });
    expect(all).toHaveLength(46);
    expect(new Set(all).size).toBe(46);
    expect(all.at(-1)).toBe('before');
    for (let i = 0; i < 40; i += 13) {
      index.remove(`busy${i}`);
      put(`busy${i}`, '2024-03-01', 'group session notes, rewritten');
    }
    expect(index.query('rewritten', { limit: 200 }).sort()).toEqual(['busy0', 'busy13', 'busy26', 'busy39']);
    expect(index.query('group', { limit: 200 })).toHaveLength(46);
    index.close();
  });
});
