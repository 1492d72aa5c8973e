import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src-shared/ipc';

// The preload runs in a sandbox where only 'electron' can be required: fake that module.
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  return {
    exposed,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: null as unknown as { invoke: ReturnType<typeof vi.fn> } & EventEmitter,
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

type Api = Record<string, Record<string, (input: unknown) => Promise<unknown>>> & {
  on(event: string, listener: (...args: unknown[]) => void): () => void;
};
let api: Api;

beforeAll(async () => {
  const emitter = new EventEmitter();
  electron.ipcRenderer = Object.assign(emitter, {
    invoke: vi.fn(async (channel: string) => ({ ok: true, value: { echoed: channel } })),
  });
  await import('../../../src-main/electron/preload');
  api = electron.exposed.get('vault') as Api;
});

/** Every value reachable from the exposed object. */
function reachable(root: unknown): unknown[] {
  const seen: unknown[] = [];
  const walk = (v: unknown) => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.includes(v)) return;
    seen.push(v);
    for (const key of Object.keys(v as object)) walk((v as Record<string, unknown>)[key]);
  };
  walk(root);
  return seen;
}

describe('preload', () => {
  it('exposes window.vault and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['vault']);
  });

  it('has one function per contract channel plus on(), and never ipcRenderer itself', () => {
    const groups = new Set(CHANNELS.map((c) => c.split('.')[0]));
    expect(Object.keys(api).sort()).toEqual([...groups, 'on'].sort());
    for (const channel of CHANNELS) {
      const [group, name] = channel.split('.') as [string, string];
      expect(typeof api[group]?.[name], channel).toBe('function');
    }
    const values = reachable(api);
    expect(values).not.toContain(electron.ipcRenderer);
    expect(values).not.toContain(electron.ipcRenderer.invoke);
    expect(values).not.toContain(electron.ipcRenderer.emit);
  });

  it('sends each call on its own channel with its input and returns the reply', async () => {
    const input = { title: 'Session 4', body: 'Plan reviewed.' };
    await expect(api.notes?.create?.(input)).resolves.toEqual({ ok: true, value: { echoed: 'notes.create' } });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('notes.create', input);
    await api.vault?.status?.(undefined);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('vault.status', {});
  });

  it('delivers event payloads without the IPC event object, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = api.on('locked', listener);
    electron.ipcRenderer.emit('event:locked', { sender: electron.ipcRenderer }, { reason: 'idle' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ reason: 'idle' });
    unsubscribe();
    electron.ipcRenderer.emit('event:locked', { sender: electron.ipcRenderer }, { reason: 'manual' });
    expect(listener).toHaveBeenCalledOnce();
    expect(electron.ipcRenderer.listenerCount('event:locked')).toBe(0);
  });

  it('refuses to subscribe to anything that is not a declared event', () => {
    expect(() => api.on('vault.create', () => {})).toThrow();
    expect(electron.ipcRenderer.listenerCount('event:vault.create')).toBe(0);
  });
});
