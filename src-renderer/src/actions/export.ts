import { api, call } from './bridge';

/** A records request: the client's record (psychotherapy notes excluded) as a printable file in the chosen folder (its handle). */
export function exportClientRecord(clientId: string, folder: string) {
  return call(api().export.client({ clientId, format: 'html', folder }));
}
