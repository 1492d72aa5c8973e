import { useEffect, useState } from 'react';
import { retainUntilOf } from '../../actions/retention';

/** The client's retain-until date (recomputed when the last contact changes). */
export function useRetainUntil(clientId: string, lastContact: string | undefined): string | null {
  const [retainUntil, setRetainUntil] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    retainUntilOf(clientId).then(
      (date) => live && setRetainUntil(date),
      () => undefined, // Not known: the record shows a dash.
    );
    return () => {
      live = false;
    };
  }, [clientId, lastContact]);
  return retainUntil;
}
