import type { ChosenPlace, Output } from '../../../src-shared/ipc';
import type { FilePurpose } from '../../../src-shared/contract/files';
import { api, call } from './bridge';

/**
 * Asks main for a file or folder: the OS dialog in the app; in the preview, `typedPath` is what the
 * user typed in the fallback chooser. Returns the handle to pass on, or null when cancelled.
 */
export async function chooseFile(purpose: FilePurpose, typedPath?: string): Promise<ChosenPlace | null> {
  const { chosen } = await call(api().files.choose(typedPath === undefined ? { purpose } : { purpose, typedPath }));
  return chosen;
}

/** Whether choosing opens the OS dialog or the preview's chooser: fixed for the session, so asked once. */
let knownChooser: Output<'drives.list'>['chooser'] | null = null;

/** The removable drives plugged in now (with their backups), or null when main could not say. */
export async function listDrives(): Promise<Output<'drives.list'> | null> {
  const res = await api().drives.list({});
  if (!res.ok) return null;
  knownChooser = res.value.chooser;
  return res.value;
}

/** How files are chosen here; asks main (reading the drives once) only the first time. */
export async function chooserKind(): Promise<Output<'drives.list'>['chooser'] | null> {
  return knownChooser ?? (await listDrives())?.chooser ?? null;
}

/** "holiday-photo.jpg on KINGSTON" */
export function describeChosen(chosen: ChosenPlace): string {
  return chosen.drive && chosen.drive !== chosen.name ? `${chosen.name} on ${chosen.drive}` : chosen.name;
}
