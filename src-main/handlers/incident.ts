import type { HandlersFor, ServiceContext } from './types';

export function incidentHandlers({ vault, files }: ServiceContext): HandlersFor<'incident'> {
  const incidents = () => vault.unlocked().incidents;
  return {
    'incident.list': () => incidents().list(),
    'incident.create': (input) => incidents().create(input),
    'incident.export': ({ id, folder }) => incidents().export(id, files.resolve(folder, 'export-folder')),
  };
}
