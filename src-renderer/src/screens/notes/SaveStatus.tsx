import type { SaveState } from '../../store';

/** Said when another note or a new one was asked for while this one could not be saved. */
const HELD = ' — it stays open until it is saved, so its text is not lost.';

function statusText(save: SaveState): string {
  switch (save.state) {
    case 'idle':
      return ''; // Nothing saved yet in this visit: "Saved" would claim something that did not happen.
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'dirty':
      return 'Editing';
    case 'conflict':
      return `Not saved: changed elsewhere${save.held ? HELD : ''}`;
    case 'error':
      return `Not saved: ${save.message}${save.held ? HELD : ''}`;
  }
}

/** The save state of the open note; the live region stays in place so each change is announced. */
export function SaveStatus({ save }: { save: SaveState }) {
  return (
    <span className={`save-status ${save.state}`} role="status" data-testid="save-status">
      {statusText(save)}
    </span>
  );
}
