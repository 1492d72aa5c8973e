import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../actions/shortcuts';
import { useApp } from '../store';

/** The "?" overlay: every keyboard shortcut in one list. Escape or Close returns to where you were. */
export function ShortcutsDialog() {
  const open = useApp((s) => s.shortcutsOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  const close = () => useApp.setState({ shortcutsOpen: false });
  if (!open) return null;
  return (
    <dialog ref={dialog} className="confirm shortcuts" aria-labelledby="shortcuts-title" onCancel={close} onClose={close}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="table">
        <caption className="visually-hidden">Keys and what they do</caption>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What it does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">On a Mac, use Cmd instead of Ctrl.</p>
      <button type="button" onClick={close} autoFocus>
        Close
      </button>
    </dialog>
  );
}
