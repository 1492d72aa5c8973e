import type { Input } from '../../../src-shared/ipc';
import { api, call } from './bridge';

export function loadPlan(clientId: string) {
  return call(api().plan.get({ clientId }));
}

export function savePlan(input: Input<'plan.save'>) {
  return call(api().plan.save(input));
}

export function planHistory(clientId: string) {
  return call(api().plan.history({ clientId }));
}

export function searchGoals(text: string, clientId?: string) {
  return call(api().plan.searchGoals({ text, ...(clientId ? { clientId } : {}) }));
}
