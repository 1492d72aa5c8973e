import { useId, useState, type ReactNode } from 'react';
import type { ChosenPlace } from '../../../src-shared/ipc';
import type { FilePurpose } from '../../../src-shared/contract/files';
import { chooseFile, describeChosen } from '../actions/files';
import { errorMessage } from '../errors';
import { TypedChooser } from './TypedChooser';
import { useDrives } from './useDrives';

interface Props {
  purpose: FilePurpose;
  /** What is being chosen, e.g. "Key file". */
  label: string;
  /** The button, e.g. "Choose key file…". */
  chooseLabel: string;
  chosen: ChosenPlace | null;
  onChosen: (chosen: ChosenPlace) => void;
  hint?: ReactNode;
  /** An id for the choose button, so another screen can send the cursor straight to it. */
  chooseId?: string;
}

/**
 * A file or folder chosen with the OS dialog (the app) or the drive list plus a typed path (the
 * preview). The page only ever holds the handle main gave for it, never a path it could name itself.
 */
export function FileChoice({ purpose, label, chooseLabel, chosen, onChosen, hint, chooseId }: Props) {
  const id = useId();
  const { chooser } = useDrives(false);
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
    <div className="file-choice" role="group" aria-labelledby={`${id}-label`}>
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <div className="row">
        <span className="chosen" data-chosen={chosen ? 'yes' : 'no'}>
          {chosen ? describeChosen(chosen) : 'None chosen'}
        </span>
        <button type="button" id={chooseId} className="secondary" onClick={() => void choose()} disabled={chooser === null}>
          {chooseLabel}
        </button>
      </div>
      {hint && <p className="hint">{hint}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {typing && (
        <TypedChooser
          purpose={purpose}
          title={chooseLabel.replace(/…$/, '')}
          onChosen={(picked) => {
            setTyping(false);
            onChosen(picked);
          }}
          onCancel={() => setTyping(false)}
        />
      )}
    </div>
  );
}
