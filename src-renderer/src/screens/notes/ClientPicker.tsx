import { memo } from 'react';
import { editDraft } from '../../actions/notes';
import { usePainted } from '../../components/usePainted';
import { useApp } from '../../store';

/**
 * Which client the note belongs to: chosen when writing, changeable until the note is signed.
 * Memoized on its two props: typing in the note must not re-render hundreds of client options.
 */
export const ClientPicker = memo(function ClientPicker({ clientId, readOnly }: { clientId: string | null; readOnly: boolean }) {
  const clients = useApp((s) => s.clients);
  // A practice's hundreds of options took a third of opening a note (creating and styling them): the
  // note paints with its own client shown, and the others are added right after, while the list is still closed.
  const painted = usePainted();
  // Archived clients are not offered, except the one the note already has.
  const choices = clients.filter((c) => c.id === clientId || (painted && c.archivedAt === undefined));
  return (
    <div>
      <label htmlFor="note-client">Client</label>
      <select id="note-client" value={clientId ?? ''} disabled={readOnly} onChange={(e) => editDraft({ clientId: e.target.value || null })}>
        <option value="">No client</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.displayName}
          </option>
        ))}
      </select>
    </div>
  );
});
