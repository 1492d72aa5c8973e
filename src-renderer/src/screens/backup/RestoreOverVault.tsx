import { useState } from 'react';
import { RestoreForm } from './RestoreForm';

/**
 * Restoring over the vault replaces today's notes with a backup's: kept in its own section,
 * marked as serious, closed until asked for, and confirmed once more before it runs.
 */
export function RestoreOverVault({ onRestored }: { onRestored: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="panel danger-zone" aria-labelledby="restore-over-heading">
      <h2 id="restore-over-heading">Restore over this vault</h2>
      <p>
        <strong>This replaces every note on this computer with the notes in a backup.</strong> Use it only when the notes here are
        damaged or wrong. The current vault is kept beside the restored one as a file, but anything written since the backup
        was made is not in it.
      </p>
      {open ? (
        <RestoreForm overExisting onRestored={onRestored} />
      ) : (
        <button type="button" className="secondary danger" onClick={() => setOpen(true)}>
          Restore a backup over this vault…
        </button>
      )}
    </section>
  );
}
