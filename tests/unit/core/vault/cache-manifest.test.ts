import { describe, expect, it } from 'vitest';
import type { NoteMeta } from '../../../../src-main/core/notes/note-record';
import { packList, unpackList } from '../../../../src-main/core/vault/cache-manifest';

const base: NoteMeta = {
  id: 'a'.repeat(32),
  rev: 3,
  title: 'Session 12 — Zoë',
  clientId: 'c'.repeat(32),
  kind: 'progress',
  isPsychotherapy: false,
  templateId: 'soap',
  serviceDate: '2026-11-30',
  startTime: '09:30',
  riskFlags: ['si-passive'],
  signed: true,
  signedAt: 1_796_000_000_000,
  addendaCount: 2,
  createdAt: 1_795_000_000_000,
  updatedAt: 1_796_000_000_001,
};

describe('the unlock cache manifest (list entries by column)', () => {
  it('unpacks exactly the entries packed: optional fields absent stay absent, derived ones derived', () => {
    const metas: NoteMeta[] = [
      base,
      { ...base, id: 'b'.repeat(32), rev: 1 },
      (({ clientId: _c, startTime: _s, signedAt: _a, ...rest }) => ({ ...rest, id: 'd'.repeat(32), signed: false, riskFlags: [] }))(base),
      { ...base, id: 'e'.repeat(32), kind: 'psychotherapy', isPsychotherapy: true, templateId: 'free', trashedAt: 1_796_100_000_000 },
    ];
    const back = unpackList(JSON.parse(JSON.stringify(packList(metas))));
    expect(back).toStrictEqual(metas);
    expect(Object.keys(back[2]!)).not.toContain('clientId');
    expect(Object.keys(back[2]!)).not.toContain('signedAt');
  });

  it('writes each client id, kind and template once however many notes use it, and risk flags only where there are some', () => {
    const metas = Array.from({ length: 50 }, (_, i): NoteMeta => ({
      ...base,
      id: i.toString(16).padStart(32, '0'),
      clientId: (i % 3).toString(16).padStart(32, 'f'),
      riskFlags: i === 7 ? ['si-passive'] : [],
    }));
    const packed = packList(metas);
    expect(packed.clientIds).toHaveLength(3);
    expect(packed.kinds).toEqual(['progress']);
    expect(packed.templateIds).toEqual(['soap']);
    expect(packed.riskFlags).toEqual([[7, ['si-passive']]]);
    expect(unpackList(packed)).toStrictEqual(metas);
  });
});
