import { useCallback, useEffect, useState } from 'react';
import type { Drive } from '../../../src-shared/ipc';
import { listDrives } from '../actions/files';

/** How often a screen that shows drives asks again: a stick plugged in shows up within seconds. */
export const DRIVE_POLL_MS = 3000;

export interface DrivesState {
  drives: Drive[];
  refresh: () => Promise<void>;
}

/**
 * The removable drives plugged in now, asked again every few seconds while the component is on
 * screen; it stops when the component goes away, so nothing polls in the background.
 */
export function useDrives(): DrivesState {
  const [drives, setDrives] = useState<Drive[]>([]);
  const refresh = useCallback(async () => {
    const listed = await listDrives();
    if (!listed) return; // Keep what was shown; the next poll tries again.
    setDrives(listed.drives);
  }, []);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), DRIVE_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return { drives, refresh };
}
