import { useState } from 'react';
import type { ChosenPlace } from '../../../src-shared/ipc';
import type { FilePurpose } from '../../../src-shared/contract/files';
import { chooseFile } from '../actions/files';
import { errorMessage } from '../errors';
import { ErrorMessage } from './StatusMessage';
import { TypedChooser } from './TypedChooser';
import { useChooserKind } from './useChooserKind';

interface Props {
  purpose: FilePurpose;
  /** The button's text, e.g. "Choose another folder…". */
  label: string;
  onChosen: (chosen: ChosenPlace) => void;
  className?: string;
  disabled?: boolean;
  /** For a link elsewhere on the screen that moves focus here. */
  id?: string;
}

/**
 * A button that asks the user for a file or folder: the OS dialog in the app, the drive list plus a
 * typed path in the preview. Hands back only what main answered: a handle and a name to show.
 */
export function ChooseButton({ purpose, label, onChosen, className = 'secondary', disabled, id }: Props) {
  const chooser = useChooserKind();
  const [typing, setTyping] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function choose() {
    setError(null);
    if (chooser === 'typed') return setTyping(true);
    try {
      const picked = await chooseFile(purpose);
      if (picked) onChosen(picked);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <>
      <button type="button" id={id} className={className} onClick={() => void choose()} disabled={disabled || chooser === null}>
        {label}
      </button>
      <ErrorMessage text={error} />
      {typing && (
        <TypedChooser
          purpose={purpose}
          title={label.replace(/…$/, '')}
          onChosen={(picked) => {
            setTyping(false);
            onChosen(picked);
          }}
          onCancel={() => setTyping(false)}
        />
      )}
    </>
  );
}
