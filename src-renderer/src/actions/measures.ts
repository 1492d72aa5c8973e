import type { Input } from '../../../src-shared/ipc';
import { api, call } from './bridge';

export function listMeasures(clientId: string) {
  return call(api().measures.list({ clientId }));
}

export function addMeasure(input: Input<'measures.add'>) {
  return call(api().measures.add(input));
}

/** A correction: the measure's next revision (the earlier one stays in its history). */
export function correctMeasure(input: Input<'measures.update'>) {
  return call(api().measures.update(input));
}
