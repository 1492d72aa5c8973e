import type { ChosenPlace } from '../../../src-shared/ipc';
import { FileChoice } from './FileChoice';

const KEEP_APART = 'Keep it on a separate USB drive — not on this computer, and not on the drive with your backups.';
const ON_THIS_COMPUTER = 'This file is on this computer’s own disk, so whoever has the laptop has it too. Copy it to a separate USB drive and choose it there.';

/**
 * The key file, chosen with the OS dialog (a handle, never a path), asked for with the password
 * when the vault has one. With `advise` (choosing a new one), says where it belongs.
 */
export function KeyFileField({ value, onChange, label = 'Key file', advise = false }: { value: ChosenPlace | null; onChange: (value: ChosenPlace) => void; label?: string; advise?: boolean }) {
  const hint = advise ? (value && value.drive === null ? ON_THIS_COMPUTER : KEEP_APART) : undefined;
  return <FileChoice purpose="key-file" label={label} chooseLabel="Choose key file…" chosen={value} onChosen={onChange} hint={hint} />;
}
