// Test and preview only: gives the page the same `window.vault` the Electron preload gives it,
// built from the same contract, over a Playwright binding or the preview server's HTTP endpoint.
import { buildVaultApi, type EventName, type Result, type Subscribe, type Transport } from '../../src-shared/ipc';

/** The preview server's per-start token, written into this script when it is served ('' under Playwright). */
declare const __SV_PREVIEW_TOKEN__: string;

declare global {
  interface Window {
    __svInvoke?: (channel: string, input: unknown) => Promise<Result<unknown>>;
    __svEmit?: (event: EventName, payload: unknown) => void;
  }
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
const emit = (event: EventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
const subscribe: Subscribe = (event, listener) => {
  const set = listeners.get(event) ?? new Set();
  listeners.set(event, set);
  set.add(listener);
  return () => set.delete(listener);
};

const binding = window.__svInvoke;
let transport: Transport;
if (binding) {
  transport = (channel, input) => binding(channel, input);
  window.__svEmit = emit;
} else {
  transport = async (channel, input) => {
    const res = await fetch('./__ipc', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sv-token': __SV_PREVIEW_TOKEN__ },
      body: JSON.stringify({ channel, input }),
    });
    return (await res.json()) as Result<unknown>;
  };
  // EventSource cannot send a header: the token rides in the query (same origin only, never logged).
  const source = new EventSource(`./__events?token=${encodeURIComponent(__SV_PREVIEW_TOKEN__)}`);
  source.onmessage = (m) => {
    const { event, payload } = JSON.parse(m.data as string) as { event: EventName; payload: unknown };
    emit(event, payload);
  };
}

window.vault = buildVaultApi(transport, subscribe);
