import type { HandlersFor, ServiceContext } from './types';

export function notesHandlers({ vault }: ServiceContext): HandlersFor<'notes'> {
  const notes = () => vault.unlocked().notes;
  // Who signs, read at the moment of signing: the note keeps this copy whatever the profile becomes.
  const signer = () => vault.unlocked().profile.signer();
  return {
    'notes.list': (filter) => notes().list(filter),
    'notes.get': ({ id }) => notes().get(id),
    'notes.create': (input) => notes().create(input),
    'notes.update': (patch) => notes().update(patch),
    'notes.sign': ({ id, baseRev }) => notes().sign(id, baseRev, signer),
    'notes.addAddendum': ({ id, text, section }) => notes().addAddendum(id, text, signer, section),
    'notes.trash': ({ id }) => notes().trash(id),
    'notes.restore': ({ id }) => notes().restore(id),
    'notes.emptyTrash': () => notes().emptyTrash(),
    'notes.history': ({ id }) => notes().history(id),
    'notes.getRevision': ({ id, rev }) => notes().getRevision(id, rev),
  };
}
