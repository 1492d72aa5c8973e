import { useEffect, useState } from 'react';

/**
 * False until the component's first frame is on screen, then true: a part nobody can see yet
 * (the entries of a closed drop-down) is added right after that frame instead of delaying it.
 */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // A message posted from a frame callback is handled after that frame is painted.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => setPainted(true);
    const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
    return () => {
      cancelAnimationFrame(frame);
      channel.port1.close();
    };
  }, []);
  return painted;
}
