import { z } from 'zod';
import { goalStatus, type GoalHit, type GoalNote, type TreatmentPlan } from '../../../src-shared/contract/plan';
import type { ParsedInput } from '../../../src-shared/ipc';
import type { ClientsRepo } from '../clients/clients-repo';
import { randomBytes, toHex } from '../crypto/sodium';
import { VaultError } from '../errors';
import { recordType, type RecordStore } from '../records/record-store';

type SaveInput = ParsedInput<'plan.save'>;

const storedObjective = z.object({ id: z.string(), text: z.string(), targetDate: z.string().optional(), status: goalStatus });
const storedGoal = z.object({
  id: z.string(),
  text: z.string(),
  targetDate: z.string().optional(),
  status: goalStatus,
  measure: z.string().optional(),
  objectives: z.array(storedObjective),
});
/** The encrypted payload of a treatment plan (kind 'treatment-plan'), one record per client; each save a revision. */
const storedPlan = z.object({
  clientId: z.string(),
  problems: z.array(z.object({ id: z.string(), text: z.string(), goals: z.array(storedGoal) })),
  createdAt: z.number(),
  updatedAt: z.number(),
});
type StoredPlan = z.output<typeof storedPlan>;

/** Treatment plan records (kind 'treatment-plan'). */
export const planRecord = recordType('treatment-plan', storedPlan, 'treatment plan');

/** Where the plan finds the notes that addressed its goals. */
export interface GoalNoteSource {
  /** The client's notes (not trashed, not psychotherapy), with the goal ids each says it addressed. */
  notesWithGoals(clientId: string): (GoalNote & { goalIds: readonly string[] })[];
}

/** Treatment plans: problems, goals and objectives, one record per client, every save kept as a revision. */
export class PlanRepo {
  constructor(
    private readonly store: RecordStore,
    private readonly now: () => number,
    /** A plan belongs to a client who exists (NOT_FOUND otherwise, e.g. after a purge). */
    private readonly clients: Pick<ClientsRepo, 'assertExists'>,
    private readonly notes: GoalNoteSource,
  ) {}

  get(clientId: string): { plan: TreatmentPlan | null; notesByGoal: Record<string, GoalNote[]> } {
    this.clients.assertExists(clientId);
    const found = this.find(clientId);
    if (!found) return { plan: null, notesByGoal: {} };
    const goalIds = new Set(found.state.problems.flatMap((p) => p.goals.map((g) => g.id)));
    const notesByGoal: Record<string, GoalNote[]> = {};
    for (const n of this.notes.notesWithGoals(clientId)) {
      const { goalIds: addressed, ...ref } = n;
      for (const g of addressed) if (goalIds.has(g)) (notesByGoal[g] ??= []).push(ref);
    }
    for (const list of Object.values(notesByGoal)) list.sort((a, b) => (a.serviceDate < b.serviceDate ? 1 : a.serviceDate > b.serviceDate ? -1 : 0));
    return { plan: toPlan(found.rev, found.state), notesByGoal };
  }

  save(input: SaveInput): TreatmentPlan {
    this.clients.assertExists(input.clientId);
    const found = this.find(input.clientId);
    const t = this.now();
    const problems = withIds(input.problems);
    if (!found) {
      if (input.baseRev !== null) throw new VaultError('CONFLICT', 'This plan was changed elsewhere since you opened it. Open it again.');
      const state: StoredPlan = { clientId: input.clientId, problems, createdAt: t, updatedAt: t };
      const { rev } = this.store.insert(planRecord, state);
      return toPlan(rev, state);
    }
    if (input.baseRev === null) throw new VaultError('CONFLICT', 'This client already has a plan. Open it again to change it.');
    const state: StoredPlan = { ...found.state, problems, updatedAt: t };
    const rev = this.store.update(found.id, planRecord, input.baseRev, state);
    return toPlan(rev, state);
  }

  history(clientId: string): TreatmentPlan[] {
    this.clients.assertExists(clientId);
    const found = this.find(clientId);
    if (!found) return [];
    return this.store.revisions(found.id, planRecord).map((rev) => toPlan(rev, this.store.getRevision(found.id, planRecord, rev).payload));
  }

  /** The id of the client's plan record, if there is one (for a purge). */
  idOf(clientId: string): string | undefined {
    return this.find(clientId)?.id;
  }

  /** Goals whose text or problem holds every word (the last as a prefix), clients' plans in any order; `nameOf` gives the client's name. */
  searchGoals(text: string, clientId: string | undefined, nameOf: (clientId: string) => string | undefined): GoalHit[] {
    const words = fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (words.length === 0) return [];
    const hits: GoalHit[] = [];
    for (const { payload: plan } of this.store.loadAll(planRecord).records) {
      if (clientId && plan.clientId !== clientId) continue;
      const clientName = nameOf(plan.clientId);
      if (clientName === undefined) continue;
      for (const problem of plan.problems) {
        for (const g of problem.goals) {
          const have = fold(`${g.text} ${problem.text}`).split(/[^\p{L}\p{N}]+/u);
          const found = words.every((w, i) => have.some((h) => (i === words.length - 1 ? h.startsWith(w) : h === w)));
          if (found) hits.push({ clientId: plan.clientId, clientName, goalId: g.id, goal: g.text, problem: problem.text, status: g.status });
        }
      }
    }
    return hits.sort((a, b) => a.clientName.localeCompare(b.clientName));
  }

  /** The client's plan record. At most one plan per client, so they are decrypted on demand. */
  private find(clientId: string): { id: string; rev: number; state: StoredPlan } | undefined {
    const r = this.store.loadAll(planRecord).records.find((rec) => rec.payload.clientId === clientId);
    return r && { id: r.id, rev: r.rev, state: r.payload };
  }
}

/** Lower case without accents, as the note search matches ('café' finds 'Cafe'). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function toPlan(rev: number, s: StoredPlan): TreatmentPlan {
  return { clientId: s.clientId, rev, problems: s.problems, createdAt: s.createdAt, updatedAt: s.updatedAt };
}

/** Gives new problems, goals and objectives an id; ids already given are kept so notes stay linked across revisions. */
function withIds(problems: SaveInput['problems']): StoredPlan['problems'] {
  const seen = new Set<string>();
  const idFor = (given: string | undefined): string => {
    if (given !== undefined && seen.has(given)) throw new VaultError('INVALID_INPUT', 'Invalid problems: two items have the same id.');
    const id = given ?? toHex(randomBytes(16));
    seen.add(id);
    return id;
  };
  return problems.map((p) => ({
    id: idFor(p.id),
    text: p.text,
    goals: p.goals.map((g) => ({
      id: idFor(g.id),
      text: g.text,
      ...(g.targetDate ? { targetDate: g.targetDate } : {}),
      status: g.status,
      ...(g.measure ? { measure: g.measure } : {}),
      objectives: g.objectives.map((o) => ({ id: idFor(o.id), text: o.text, ...(o.targetDate ? { targetDate: o.targetDate } : {}), status: o.status })),
    })),
  }));
}
