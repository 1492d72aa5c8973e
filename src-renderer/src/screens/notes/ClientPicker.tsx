import { editDraft } from '../../actions/notes';
import { useApp, type Draft } from '../../store';

/** Which client the note belongs to: chosen when writing, changeable until the note is signed. */
export function ClientPicker({ draft, readOnly }: { draft: Draft; readOnly: boolean }) {
  const clients = useApp((s) => s.clients);
  // Archived clients are not offered, except the one the note already has.
  const choices = clients.filter((c) => c.archivedAt === undefined || c.id === draft.clientId);
  return (
    <div>
      <label htmlFor="note-client">Client</label>
      <select id="note-client" value={draft.clientId ?? ''} disabled={readOnly} onChange={(e) => editDraft({ clientId: e.target.value || null })}>
        <option value="">No client</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.displayName}
          </option>
        ))}
      </select>
    </div>
  );
}
