import type { ReactNode } from 'react';
import type { ChosenPlace } from '../../../src-shared/ipc';
import { FileChoice } from './FileChoice';

/** The key file, chosen with the OS dialog (a handle, never a path), asked for with the password when the vault has one. */
export function KeyFileField({ value, onChange, label = 'Key file', hint }: { value: ChosenPlace | null; onChange: (value: ChosenPlace) => void; label?: string; hint?: ReactNode }) {
  return <FileChoice purpose="key-file" label={label} chooseLabel="Choose key file…" chosen={value} onChosen={onChange} hint={hint} />;
}
