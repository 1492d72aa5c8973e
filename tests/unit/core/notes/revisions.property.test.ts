import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/service';
import { relock, unlockedVault } from '../../../helpers/service';

/** What the user saw acknowledged for one revision. */
interface Snap {
  title: string;
  body: string;
  signed: boolean;
  trashed: boolean;
}
interface Known {
  id: string;
  rev: number;
  snap: Snap;
}

type Command =
  | { op: 'create'; title: string; body: string }
  | { op: 'update'; pick: number; title: string; body: string; stale: boolean }
  | { op: 'sign'; pick: number; stale: boolean }
  | { op: 'trash'; pick: number }
  | { op: 'restore'; pick: number }
  | { op: 'relock' };

const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('create' as const), title: text, body: text }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('update' as const), pick: fc.nat(), title: text, body: text, stale: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('sign' as const), pick: fc.nat(), stale: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('trash' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restore' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ op: 'relock' as const }) },
);

let service: VaultService;
/** Every acknowledged (id, rev) across all runs, checked again at the very end. */
const acknowledged: Known[] = [];

beforeAll(async () => {
  ({ service } = await unlockedVault());
});

async function readBack(k: Known): Promise<void> {
  const res = await service.invoke('notes.getRevision', { id: k.id, rev: k.rev });
  expect(res.ok, `getRevision ${k.rev}`).toBe(true);
  if (!res.ok) return;
  const n = res.value;
  expect({ title: n.title, body: n.body, signed: n.signed, trashed: n.trashedAt !== undefined }).toEqual(k.snap);
}

/** Runs one command against the service and the model; returns the new acknowledged state, if any. */
async function step(cmd: Command, live: Known[]): Promise<void> {
  if (cmd.op === 'relock') return relock(service);
  if (cmd.op === 'create') {
    const r = await service.invoke('notes.create', { title: cmd.title, body: cmd.body });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rev).toBe(1);
    return ack(live, { id: r.value.id, rev: 1, snap: { title: cmd.title, body: cmd.body, signed: false, trashed: false } });
  }
  const note = live[cmd.pick % Math.max(live.length, 1)];
  if (!note) return;
  const { id, rev, snap } = note;
  const baseRev = 'stale' in cmd && cmd.stale ? (rev === 1 ? 2 : rev - 1) : rev;
  const stale = baseRev !== rev;
  if (cmd.op === 'update' || cmd.op === 'sign') {
    const r =
      cmd.op === 'update'
        ? await service.invoke('notes.update', { id, baseRev, title: cmd.title, body: cmd.body })
        : await service.invoke('notes.sign', { id, baseRev });
    const expected = snap.signed ? 'NOTE_SIGNED' : snap.trashed ? 'INVALID_INPUT' : stale ? 'CONFLICT' : null;
    expect(r.ok ? null : r.error.code).toBe(expected);
    if (!r.ok) return;
    const next = cmd.op === 'update' ? { ...snap, title: cmd.title, body: cmd.body } : { ...snap, signed: true };
    const unchanged = cmd.op === 'update' && next.title === snap.title && next.body === snap.body;
    expect(r.value.rev).toBe(unchanged ? rev : rev + 1);
    return ack(live, { id, rev: r.value.rev, snap: next });
  }
  const r = await service.invoke(cmd.op === 'trash' ? 'notes.trash' : 'notes.restore', { id });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  const trashed = cmd.op === 'trash';
  expect(r.value.rev).toBe(snap.trashed === trashed ? rev : rev + 1);
  return ack(live, { id, rev: r.value.rev, snap: { ...snap, trashed } });
}

function ack(live: Known[], k: Known): void {
  acknowledged.push(k);
  const i = live.findIndex((l) => l.id === k.id);
  if (i >= 0) live[i] = k;
  else live.push(k);
}

it('random create/update/sign/trash/restore/relock sequences never lose an acknowledged revision', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
      const live: Known[] = [];
      const before = acknowledged.length;
      for (const cmd of commands) await step(cmd, live);
      for (const k of acknowledged.slice(before)) await readBack(k);
      for (const k of live) {
        const cur = await service.invoke('notes.get', { id: k.id });
        expect(cur.ok && cur.value.rev).toBe(k.rev);
      }
    }),
    { numRuns: 20 },
  );
  await relock(service);
  for (const k of acknowledged) await readBack(k);
  expect(acknowledged.length).toBeGreaterThan(20);
});
