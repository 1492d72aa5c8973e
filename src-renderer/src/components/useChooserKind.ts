import { useEffect, useState } from 'react';
import { chooserKind } from '../actions/files';

/** 'dialog' (the app) or 'typed' (the preview); null until known. Reads the drives at most once per session. */
export function useChooserKind(): 'dialog' | 'typed' | null {
  const [kind, setKind] = useState<'dialog' | 'typed' | null>(null);
  useEffect(() => {
    let live = true;
    void chooserKind().then((k) => {
      if (live) setKind(k);
    });
    return () => {
      live = false;
    };
  }, []);
  return kind;
}
