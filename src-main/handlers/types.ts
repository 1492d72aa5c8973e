import type { z } from 'zod';
import type { Channel, Contract, EventName, EventPayload, Output } from '../../src-shared/ipc';
import type { Drives } from '../core/drives/drives';
import type { FileChooser } from '../core/files/file-chooser';
import type { FileHandles } from '../core/files/file-handles';
import type { ClipboardGuard } from '../core/lock/clipboard-guard';
import type { LockCoordinator } from '../core/lock/lock-coordinator';
import type { LockPolicy } from '../core/lock/lock-policy';
import type { SettingsRepo } from '../core/settings/settings-repo';
import type { VaultManager } from '../core/vault/vault-manager';

/** What every handler group may use. Built once in service.ts. */
export interface ServiceContext {
  vault: VaultManager;
  dataDir: string;
  now: () => number;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Decides when to lock (idle, suspend, hidden…). */
  lockPolicy: LockPolicy;
  /** Every lock goes through it: flush handshake, then VaultManager.lock, then `locked`. */
  lockCoordinator: LockCoordinator;
  /** Settings in effect (defaults while locked). */
  settings: SettingsRepo;
  /** Clears copied note text from the clipboard after the set delay and at lock. */
  clipboardGuard: ClipboardGuard;
  /** The OS this runs on (process.platform unless a test says otherwise). */
  platform: NodeJS.Platform;
  /** What the user chose, behind opaque handles: every path a channel touches comes from here. */
  files: FileHandles;
  /** The OS dialog (Shell) or the preview's typed path. */
  chooser: FileChooser;
  /** Removable drives plugged in now. */
  drives: Drives;
}

type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Handler<C extends Channel> = (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;

/** The handlers of one channel group, e.g. `HandlersFor<'notes'>` for every `notes.*` channel. */
export type HandlersFor<G extends string> = { [C in Channel as C extends `${G}.${string}` ? C : never]: Handler<C> };
export type AllHandlers = { [C in Channel]: Handler<C> };
