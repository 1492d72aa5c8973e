import type { Input } from '../../../src-shared/ipc';
import { api, call } from './bridge';

/** A client's record, encrypted with age for the receiving clinician, written in `dir`. */
export function transferRecord(input: Input<'transfer.client'>) {
  return call(api().transfer.client(input));
}

/** The client's accounting of disclosures (every transfer of care), newest first. */
export function listDisclosures(clientId: string) {
  return call(api().transfer.list({ clientId }));
}
