import { exportIncident } from '../core/incidents/incident-export';
import { IncidentRepo } from '../core/incidents/incident-repo';
import type { HandlersFor, ServiceContext } from './types';

export function incidentHandlers({ vault, now }: ServiceContext): HandlersFor<'incident'> {
  const repo = () => new IncidentRepo(vault.unlocked().store, now);
  return {
    'incident.list': () => repo().list(),
    'incident.create': (input) => repo().create(input),
    'incident.export': ({ id, dir }) => ({ path: exportIncident(repo().get(id), dir, now()) }),
  };
}
