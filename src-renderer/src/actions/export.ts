import { api, call } from './bridge';

/** A records request: the client's record (psychotherapy notes excluded) as a printable file in `dir`. */
export function exportClientRecord(clientId: string, dir: string) {
  return call(api().export.client({ clientId, format: 'html', dir }));
}
