import path from 'node:path';
import Database from 'better-sqlite3';
import type { VaultService } from '../../src-main/service';
import type { Input } from '../../src-shared/ipc';
import { passage, sentence } from '../clinical-text';
import { createRng } from '../prng';
import { ms, type MeasureResult } from '../report';
import { call } from '../service-call';
import { percentile, round } from '../stats';

const NOTES = 20;
const WARMUP = 20;
const SAVES = 300;

/**
 * Autosave of a ~350-word SOAP note: `notes.update` through invoke (validate, encrypt, write a
 * revision, update the search index) vs inserting the same bytes (the update's JSON) into a
 * plain better-sqlite3 table with the vault's journal settings (WAL, synchronous=FULL) in the
 * same folder. The two alternate, so both see the same disk and cache state.
 */
export async function measureSave(service: VaultService, clientId: string, dir: string): Promise<MeasureResult> {
  const rng = createRng(4242);
  const notes: { id: string; rev: number; subjective: string }[] = [];
  for (let i = 0; i < NOTES; i++) {
    const subjective = passage(rng, ['subjective'], 140);
    const fields = { subjective, objective: passage(rng, ['objective'], 50), assessment: passage(rng, ['assessment'], 90), plan: passage(rng, ['plan'], 70) };
    const { id, rev } = await call(service, 'notes.create', { title: `Draft ${i}`, kind: 'progress', templateId: 'soap', clientId, fields });
    notes.push({ id, rev, subjective });
  }

  const db = new Database(path.join(dir, 'baseline-save.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE saves (id INTEGER PRIMARY KEY, note_id TEXT NOT NULL, rev INTEGER NOT NULL, body BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO saves (note_id, rev, body) VALUES (?, ?, ?)');

  const app: number[] = [];
  const plain: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARMUP + SAVES; i++) {
    const note = notes[i % NOTES]!;
    note.subjective += ` ${sentence(rng, 'subjective')}`;
    const patch: Input<'notes.update'> = { id: note.id, baseRev: note.rev, fields: { subjective: note.subjective } };
    const payload = Buffer.from(JSON.stringify(patch));
    let start = performance.now();
    note.rev = (await call(service, 'notes.update', patch)).rev;
    const appMs = performance.now() - start;
    start = performance.now();
    insert.run(note.id, note.rev, payload);
    const plainMs = performance.now() - start;
    if (i < WARMUP) continue;
    app.push(appMs);
    plain.push(plainMs);
    bytes += payload.length;
  }
  db.close();

  const [a50, a99, b50, b99] = [percentile(app, 50), percentile(app, 99), percentile(plain, 50), percentile(plain, 99)];
  return {
    rows: [
      {
        measure: 'Encrypted save p50 (notes.update)',
        app: ms(a50),
        baseline: `${ms(b50)} (plain insert, WAL+FULL)`,
        ratio: a50 / b50,
        target: '≤ 2×',
        met: a50 / b50 <= 2,
      },
      {
        measure: 'Encrypted save p99',
        app: ms(a99),
        baseline: `${ms(b99)} (plain insert)`,
        ratio: a99 / b99,
        target: '≤ 5 ms',
        met: a99 <= 5,
      },
    ],
    raw: {
      saves: SAVES,
      meanPayloadBytes: Math.round(bytes / SAVES),
      appMs: { p50: round(a50, 3), p90: round(percentile(app, 90), 3), p99: round(a99, 3), max: round(Math.max(...app), 3) },
      plainMs: { p50: round(b50, 3), p90: round(percentile(plain, 90), 3), p99: round(b99, 3), max: round(Math.max(...plain), 3) },
    },
  };
}
