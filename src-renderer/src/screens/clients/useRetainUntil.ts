import { useEffect, useState } from 'react';
import { api } from '../../vault';

/** The client's retain-until date (recomputed when the last contact changes). */
export function useRetainUntil(clientId: string, lastContact: string | undefined): string | null {
  const [retainUntil, setRetainUntil] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api()
      .retention.list({})
      .then((res) => {
        if (live && res.ok) setRetainUntil(res.value.clients.find((c) => c.clientId === clientId)?.retainUntil ?? null);
      });
    return () => {
      live = false;
    };
  }, [clientId, lastContact]);
  return retainUntil;
}
