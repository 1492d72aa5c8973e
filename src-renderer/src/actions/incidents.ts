import type { Incident } from '../../../src-shared/contract/incident';
import type { Input } from '../../../src-shared/ipc';
import { fileName } from '../components/format';
import { api, call } from './bridge';

export function listIncidents(): Promise<Incident[]> {
  return call(api().incident.list({}));
}

export async function recordIncident(input: Input<'incident.create'>): Promise<void> {
  await call(api().incident.create(input));
}

/** Writes the incident as an HTML file into the chosen folder (its handle); returns the file's name. */
export async function exportIncident(id: string, folder: string): Promise<string> {
  const { path } = await call(api().incident.export({ id, folder }));
  return fileName(path);
}
