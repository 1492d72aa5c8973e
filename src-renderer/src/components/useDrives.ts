import { useCallback, useEffect, useState } from 'react';
import type { Drive } from '../../../src-shared/ipc';
import { listDrives } from '../actions/files';

/** How often a screen that shows drives asks again: a stick plugged in shows up within seconds. */
export const DRIVE_POLL_MS = 3000;

export interface DrivesState {
  /** Whether `files.choose` opens the OS dialog, or needs the in-app chooser (preview); null until known. */
  chooser: 'dialog' | 'typed' | null;
  drives: Drive[];
  refresh: () => Promise<void>;
}

/**
 * The removable drives plugged in now. With `poll`, asks again every few seconds while the
 * component is on screen, and stops when it goes away: nothing polls in the background.
 */
export function useDrives(poll: boolean): DrivesState {
  const [chooser, setChooser] = useState<DrivesState['chooser']>(null);
  const [drives, setDrives] = useState<Drive[]>([]);
  const refresh = useCallback(async () => {
    const listed = await listDrives();
    if (!listed) return; // Keep what was shown; the next poll tries again.
    setChooser(listed.chooser);
    setDrives(listed.drives);
  }, []);
  useEffect(() => {
    void refresh();
    if (!poll) return;
    const timer = setInterval(() => void refresh(), DRIVE_POLL_MS);
    return () => clearInterval(timer);
  }, [poll, refresh]);
  return { chooser, drives, refresh };
}
