import { exportIncident } from '../core/incidents/incident-export';
import { IncidentRepo } from '../core/incidents/incident-repo';
import type { HandlersFor, ServiceContext } from './types';

export function incidentHandlers({ vault, now, files }: ServiceContext): HandlersFor<'incident'> {
  const repo = () => new IncidentRepo(vault.unlocked().store, now);
  return {
    'incident.list': () => repo().list(),
    'incident.create': (input) => repo().create(input),
    'incident.export': ({ id, folder }) => ({ path: exportIncident(repo().get(id), files.resolve(folder, 'export-folder'), now()) }),
  };
}
