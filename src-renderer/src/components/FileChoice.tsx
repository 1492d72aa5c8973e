import { useId, type ReactNode } from 'react';
import type { ChosenPlace } from '../../../src-shared/ipc';
import type { FilePurpose } from '../../../src-shared/contract/files';
import { describeChosen } from '../actions/files';
import { ChooseButton } from './ChooseButton';

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
 * preview), and what was chosen. The page only ever holds the handle main gave for it, never a
 * path it could name itself.
 */
export function FileChoice({ purpose, label, chooseLabel, chosen, onChosen, hint, chooseId }: Props) {
  const id = useId();
  return (
    <div className="file-choice" role="group" aria-labelledby={`${id}-label`}>
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <div className="row">
        <span className="chosen" data-chosen={chosen ? 'yes' : 'no'}>
          {chosen ? describeChosen(chosen) : 'None chosen'}
        </span>
        <ChooseButton id={chooseId} purpose={purpose} label={chooseLabel} onChosen={onChosen} />
      </div>
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}
