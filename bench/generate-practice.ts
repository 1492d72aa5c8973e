import type { VaultService } from '../src-main/service';
import type { Input } from '../src-shared/ipc';
import { passage, sentence, splitWords, wordCount } from './clinical-text';
import { createRng, type Rng } from './prng';
import { call } from './service-call';
import { drawProfile, FIRST_NAMES, LAST_NAMES, slotWords, type ClientProfile, type SentenceKind } from './vocabulary';

/** A 10-year solo practice at scale 1 (issue 10); scale 4 is a 40-year career. */
export const FULL_PRACTICE = { clients: 600, progressNotes: 10_000, intakes: 300, psychotherapyNotes: 2000 };
const ADDENDUM_SHARE = 0.03;
/** The practice ends here and began `10 × scale` years before (scale 1: 2016–2025). */
const DAYS_AT_SCALE_1 = 3650;
const END = Date.UTC(2016, 0, 4) + DAYS_AT_SCALE_1 * 86_400_000;

/** The days of the career: day 0 is its first, `days` its last. */
interface Calendar {
  days: number;
  isoDay(day: number): string;
}

function calendar(scale: number): Calendar {
  const days = Math.round(DAYS_AT_SCALE_1 * scale);
  const start = END - days * 86_400_000;
  return { days, isoDay: (day) => new Date(start + day * 86_400_000).toISOString().slice(0, 10) };
}

/** Plain text of one note as the search index sees it: the in-memory FTS baseline is built from these. */
export interface PlainDoc {
  title: string;
  content: string;
  addenda: string;
  clientName: string;
}

export interface Practice {
  clients: number;
  notes: number;
  addenda: number;
  /** Words per progress note. */
  progressWords: { median: number; p99: number; max: number };
  docs: PlainDoc[];
  /** A client for the notes the save benchmark edits. */
  someClientId: string;
}

interface ClientPlan {
  id: string;
  name: string;
  startDay: number;
  sessions: number;
  profile: ClientProfile;
}

const PROGRESS_SECTIONS: Record<'soap' | 'dap', { keys: string[]; kinds: SentenceKind[][]; shares: number[] }> = {
  soap: {
    keys: ['subjective', 'objective', 'assessment', 'plan'],
    kinds: [['subjective'], ['objective'], ['assessment'], ['plan']],
    shares: [0.4, 0.15, 0.25, 0.2],
  },
  dap: { keys: ['data', 'assessment', 'plan'], kinds: [['data', 'subjective'], ['assessment'], ['plan']], shares: [0.55, 0.25, 0.2] },
};
const INTAKE_SECTIONS = {
  keys: ['presenting-problem', 'history', 'mental-status', 'risk', 'diagnosis', 'plan'],
  kinds: [['subjective'], ['history'], ['objective'], ['risk'], ['diagnosis', 'assessment'], ['plan']] as SentenceKind[][],
  shares: [0.2, 0.35, 0.12, 0.1, 0.08, 0.15],
};

/** Median 350 words; a long tail of 3 % between 900 and 1,500. */
function progressLength(rng: Rng): number {
  if (rng.chance(0.03)) return rng.int(900, 1500);
  return Math.min(1500, Math.max(80, Math.round(rng.logNormal(350, 0.35))));
}

function sessionHeader(rng: Rng, cal: Calendar, day: number): Input<'notes.create'>['session'] {
  return {
    serviceDate: cal.isoDay(Math.min(cal.days, day)),
    startTime: `${String(rng.int(8, 18)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`,
    durationMinutes: rng.pick([45, 50, 53, 60]),
    serviceCode: rng.pick(['CPT 90834', 'CPT 90837', 'CPT 90847']),
    modality: rng.pick(['in-person', 'in-person', 'video', 'phone'] as const),
    riskFlags: rng.chance(0.02) ? ['Passive suicidal ideation'] : [],
  };
}

function sections(rng: Rng, plan: { keys: string[]; kinds: SentenceKind[][]; shares: number[] }, words: number, profile: ClientProfile) {
  const counts = splitWords(words, plan.shares);
  return Object.fromEntries(plan.keys.map((key, i) => [key, passage(rng, plan.kinds[i]!, counts[i]!, profile)]));
}

async function makeClients(service: VaultService, rng: Rng, cal: Calendar, count: number): Promise<ClientPlan[]> {
  const plans: ClientPlan[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    const startDay = rng.int(0, cal.days - 30);
    const profile = drawProfile(rng.pick);
    const { id } = await call(service, 'clients.create', {
      displayName: name,
      dateOfBirth: `${rng.int(1950, 2007)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      intakeDate: cal.isoDay(startDay),
      status: startDay < cal.days - 365 && rng.chance(0.8) ? 'discharged' : 'active',
      notes: `Referred by ${rng.pick(['their GP', 'a former client', 'their insurer', 'a school counselor'])}. ${sentence(rng, 'history', profile)}`,
    });
    // Heavy-tailed caseload: a few long-term clients, many short episodes of care.
    plans.push({ id, name, startDay, sessions: rng.logNormal(1, 0.9), profile });
  }
  const total = plans.reduce((sum, c) => sum + c.sessions, 0);
  for (const c of plans) c.sessions /= total;
  return plans;
}

function weightedClient(rng: Rng, clients: ClientPlan[]): ClientPlan {
  let r = rng.next();
  for (const c of clients) if ((r -= c.sessions) < 0) return c;
  return clients[clients.length - 1]!;
}

/**
 * Builds the practice through the service (the vault must be unlocked). Deterministic for a seed
 * and scale; progress is reported every 1,000 notes.
 */
export async function generatePractice(
  service: VaultService,
  { scale, seed, onProgress }: { scale: number; seed: number; onProgress?: (done: number, total: number) => void },
): Promise<Practice> {
  const rng = createRng(seed);
  const n = (full: number) => Math.max(1, Math.round(full * scale));
  // Signing records who signs.
  await call(service, 'profile.update', { name: 'Dana Reyes', credential: 'LCSW', licenseNumber: '12345', licenseState: 'CA' });
  const cal = calendar(scale);
  const clients = await makeClients(service, rng, cal, n(FULL_PRACTICE.clients));
  const total = n(FULL_PRACTICE.progressNotes) + n(FULL_PRACTICE.intakes) + n(FULL_PRACTICE.psychotherapyNotes);
  const docs: PlainDoc[] = [];
  const progressWords: number[] = [];
  const sessionsSoFar = new Map<string, number>();
  let addenda = 0;

  async function save(client: ClientPlan, input: Input<'notes.create'>, sign: boolean, words?: number) {
    const { id, rev } = await call(service, 'notes.create', { ...input, clientId: client.id });
    const content = [...Object.values(input.fields ?? {}), input.body ?? ''].join('\n');
    let addendum = '';
    if (sign) {
      await call(service, 'notes.sign', { id, baseRev: rev });
      if (words !== undefined && rng.chance(ADDENDUM_SHARE)) {
        addendum = sentence(rng, 'addendum', client.profile);
        await call(service, 'notes.addAddendum', { id, text: addendum });
        addenda++;
      }
    }
    docs.push({ title: input.title, content, addenda: addendum, clientName: client.name });
    if (words !== undefined) progressWords.push(wordCount(content));
    if (docs.length % 1000 === 0) onProgress?.(docs.length, total);
  }

  for (const client of clients.slice(0, n(FULL_PRACTICE.intakes))) {
    const fields = sections(rng, INTAKE_SECTIONS, Math.round(2000 + 200 * rng.normal()), client.profile);
    await save(client, { title: 'Intake assessment', kind: 'intake', templateId: 'intake', fields, session: sessionHeader(rng, cal, client.startDay) }, true);
  }
  for (let i = 0; i < n(FULL_PRACTICE.progressNotes); i++) {
    const client = weightedClient(rng, clients);
    const k = (sessionsSoFar.get(client.id) ?? 0) + 1;
    sessionsSoFar.set(client.id, k);
    const day = client.startDay + 7 * k <= cal.days ? client.startDay + 7 * k : rng.int(client.startDay, cal.days);
    const templateId = rng.chance(0.6) ? 'soap' : 'dap';
    const words = progressLength(rng);
    const fields = sections(rng, PROGRESS_SECTIONS[templateId], words, client.profile);
    const title = `Session ${k}: ${rng.pick(client.profile.theme ?? slotWords('theme'))}`;
    await save(client, { title, kind: 'progress', templateId, fields, session: sessionHeader(rng, cal, day) }, true, words);
  }
  for (let i = 0; i < n(FULL_PRACTICE.psychotherapyNotes); i++) {
    const client = weightedClient(rng, clients);
    const body = passage(rng, ['process'], Math.round(Math.min(800, rng.logNormal(180, 0.5))), client.profile);
    // Psychotherapy notes carry no billing code (the same random draws as before, so the practice is unchanged).
    const { serviceCode: _billing, ...session } = sessionHeader(rng, cal, rng.int(client.startDay, cal.days))!;
    await save(client, { title: 'Process note', kind: 'psychotherapy', body, session }, false);
  }

  const sorted = [...progressWords].sort((a, b) => a - b);
  return {
    clients: clients.length,
    notes: docs.length,
    addenda,
    progressWords: {
      median: sorted[Math.floor(sorted.length / 2)] ?? 0,
      p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
      max: sorted[sorted.length - 1] ?? 0,
    },
    docs,
    someClientId: clients[0]!.id,
  };
}
