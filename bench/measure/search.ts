import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ftsMatch } from '../../src-main/core/search/fts-query';
import type { VaultService } from '../../src-main/service';
import type { PlainDoc } from '../generate-practice';
import { ms, type MeasureResult } from '../report';
import { call } from '../service-call';
import { percentile, round, timed } from '../stats';
import { SEARCH_QUERIES } from '../vocabulary';
import { runBundledChild } from './bundled-child';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'search-child.ts');

const ROUNDS = 3;
const LIMIT = 20;
const TARGET_P95_MS = 10;

/** The same plaintext in a bare in-memory FTS5 table: what any search over these notes costs at least. */
export function buildPlainIndex(docs: readonly PlainDoc[]): { db: Database.Database; buildMs: number } {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE fts USING fts5(title, content, addenda, client_name, tokenize = 'unicode61 remove_diacritics 2')`);
  const insert = db.prepare('INSERT INTO fts VALUES (?, ?, ?, ?)');
  const start = performance.now();
  db.transaction(() => {
    for (const d of docs) insert.run(d.title, d.content, d.addenda, d.clientName);
  })();
  return { db, buildMs: performance.now() - start };
}

/**
 * 50 clinician-style queries, each run once to warm up and then ROUNDS times: `search.query`
 * through invoke vs the same FTS5 match (newest 20 rows, each with a snippet) on the bare plaintext table.
 * In a fresh process, as the app's main process runs them (bundled-child.ts): it unlocks the
 * vault, so the index is the one an unlock brings back (sealed at the last lock, merged), not
 * the one the generator grew note by note; the bare table goes to it through its stdin. The
 * vault must be locked and closed here.
 */
export async function measureSearch(dataDir: string, plain: Database.Database): Promise<MeasureResult> {
  return JSON.parse(await runBundledChild(CHILD, [dataDir], plain.serialize())) as MeasureResult;
}

/** The measure itself, in the child (search-child.ts), on an unlocked service and the bare table. */
export async function searchMeasures(service: VaultService, plain: Database.Database): Promise<MeasureResult> {
  const baselineQuery = plain.prepare(
    `SELECT rowid, snippet(fts, -1, '[', ']', '…', 16) AS snippet FROM fts WHERE fts MATCH ? ORDER BY rowid DESC LIMIT ${LIMIT}`,
  );
  const countMatches = plain.prepare('SELECT count(*) AS n FROM fts WHERE fts MATCH ?');
  const app: number[] = [];
  const base: number[] = [];
  const perQuery = new Map<string, number[]>();
  let hits = 0;
  let empty = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    for (const text of SEARCH_QUERIES) {
      const a = await timed(() => call(service, 'search.query', { text, limit: LIMIT }));
      const b = await timed(() => baselineQuery.all(ftsMatch(text)));
      if (round === 0) {
        hits += a.value.length;
        if (a.value.length === 0) empty++;
        continue;
      }
      app.push(a.ms);
      base.push(b.ms);
      perQuery.set(text, [...(perQuery.get(text) ?? []), a.ms]);
    }
  }
  // How many notes each query matches: a search that had to rank them all would grow with it.
  const matches = SEARCH_QUERIES.map((text) => ({
    text,
    matches: (countMatches.get(ftsMatch(text)) as { n: number }).n,
    medianMs: round(percentile(perQuery.get(text) ?? [], 50), 2),
  })).sort((x, y) => y.medianMs - x.medianMs);
  const [a50, a95, b50, b95] = [percentile(app, 50), percentile(app, 95), percentile(base, 50), percentile(base, 95)];
  return {
    rows: [
      {
        measure: `Search p50 (${SEARCH_QUERIES.length} queries × ${ROUNDS})`,
        app: ms(a50),
        baseline: `${ms(b50)} (bare FTS5)`,
        ratio: a50 / b50,
        target: '—',
        met: null,
      },
      {
        measure: 'Search p95',
        app: ms(a95),
        baseline: `${ms(b95)} (bare FTS5)`,
        ratio: a95 / b95,
        target: `≤ ${TARGET_P95_MS} ms`,
        met: a95 <= TARGET_P95_MS,
      },
    ],
    raw: {
      queries: SEARCH_QUERIES.length,
      rounds: ROUNDS,
      meanHitsPerQuery: round(hits / SEARCH_QUERIES.length, 1),
      queriesWithNoHit: empty,
      appMs: { p50: round(a50, 3), p95: round(a95, 3), max: round(Math.max(...app), 3) },
      bareFtsMs: { p50: round(b50, 3), p95: round(b95, 3), max: round(Math.max(...base), 3) },
      // The app's in-memory index holds the same text, so this approximates its share of RSS.
      bareFtsBytes: (plain.pragma('page_count', { simple: true }) as number) * (plain.pragma('page_size', { simple: true }) as number),
      medianMatchingNotes: percentile(matches.map((m) => m.matches), 50),
      slowestQueries: matches.slice(0, 8),
    },
  };
}
