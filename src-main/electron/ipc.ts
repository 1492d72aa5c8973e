import type { IpcMainInvokeEvent } from 'electron';
import { fail, type Result } from '../../src-shared/errors';
import { CHANNELS, type Channel } from '../../src-shared/ipc';
import type { VaultService } from '../service';
import { isTrustedSender, type SenderFrame } from './security';

/** The part of Electron's ipcMain the binding needs (a fake in unit tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

/** What the handler reads from the invoke event: only the sending frame. */
export type InvokeEventLike = Pick<IpcMainInvokeEvent, 'senderFrame'> | { senderFrame: SenderFrame | null };

const UNTRUSTED_SENDER = 'This request did not come from the SessionVault window.';

/**
 * Binds every contract channel to `service.invoke`, one `ipcMain.handle` each (no generic
 * pass-through channel). The service validates input with zod; this layer validates the sender.
 * Returns a function that removes every handler again.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, service: Pick<VaultService, 'invoke'>): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input) => handleInvoke(service, channel, event, input));
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

async function handleInvoke(
  service: Pick<VaultService, 'invoke'>,
  channel: Channel,
  event: InvokeEventLike,
  input: unknown,
): Promise<Result<unknown>> {
  // A subframe, a navigated-away page or any foreign origin gets nothing, not even the vault state.
  if (!isTrustedSender(event.senderFrame)) return fail('INVALID_INPUT', UNTRUSTED_SENDER);
  return service.invoke(channel, input);
}
