import { describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/errors';
import { CHANNELS } from '../../../src-shared/ipc';
import { registerIpcHandlers, type IpcMainLike, type InvokeEventLike } from '../../../src-main/electron/ipc';
import type { VaultService } from '../../../src-main/service';
import { newService, STRONG_PASSWORD, value } from '../../helpers/service';

type Listener = (event: InvokeEventLike, input: unknown) => Promise<Result<unknown>>;

/** ipcMain as Electron behaves: one handler per channel, a second `handle` on the same channel throws. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const call = (channel: string, input: unknown, frame: InvokeEventLike['senderFrame']) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frame } as InvokeEventLike, input);
  };
  return { ipcMain, handlers, call };
}

const OUR_PAGE = { url: 'app://sessionvault/index.html', parent: null };

let service: VaultService | undefined;

describe('IPC binding', () => {
  it('registers exactly the contract channels, and can remove them all', async () => {
    ({ service } = await newService());
    const { ipcMain, handlers } = fakeIpcMain();
    const unregister = registerIpcHandlers(ipcMain, service);
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers our own page with the real service', async () => {
    ({ service } = await newService());
    const { ipcMain, call } = fakeIpcMain();
    registerIpcHandlers(ipcMain, service);
    expect(value(await call('vault.status', {}, OUR_PAGE))).toMatchObject({ state: 'absent' });
    value(await call('vault.create', { password: STRONG_PASSWORD }, OUR_PAGE));
    const created = value(await call('notes.create', { title: 'Intake', body: 'First session.' }, OUR_PAGE)) as { id: string };
    expect(value(await call('notes.get', { id: created.id }, OUR_PAGE))).toMatchObject({ title: 'Intake', body: 'First session.' });
  });

  it.each([
    ['a foreign origin', { url: 'https://evil.example/', parent: null }],
    ['an iframe inside our page', { url: 'app://sessionvault/index.html', parent: OUR_PAGE }],
    ['a destroyed frame', null],
  ])('refuses %s with INVALID_INPUT and never reaches the vault', async (_label, frame) => {
    ({ service } = await newService());
    const { ipcMain, call } = fakeIpcMain();
    registerIpcHandlers(ipcMain, service);
    const res = await call('vault.create', { password: STRONG_PASSWORD }, frame);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!res.ok) expect(res.error.message).not.toMatch(/evil|app:\/\/|https?:/);
    // The foreign call created nothing.
    expect(value(await call('vault.status', {}, OUR_PAGE))).toMatchObject({ state: 'absent' });
  });

  it('passes bad input to the service, which refuses it without echoing it', async () => {
    ({ service } = await newService());
    const { ipcMain, call } = fakeIpcMain();
    registerIpcHandlers(ipcMain, service);
    const res = await call('notes.get', { id: '../../etc/passwd' }, OUR_PAGE);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!res.ok) expect(res.error.message).not.toContain('passwd');
  });
});
