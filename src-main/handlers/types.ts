import type { Channel, EventName, EventPayload, Output, ParsedInput } from '../../src-shared/ipc';
import type { BackupService } from '../core/backup/backup-service';
import type { PrintPort } from '../core/export/printing';
import type { FileHandles } from '../core/files/file-handles';
import type { FilePlaces } from '../core/files/file-places';
import type { ClipboardGuard } from '../core/lock/clipboard-guard';
import type { LockCoordinator } from '../core/lock/lock-coordinator';
import type { LockPolicy } from '../core/lock/lock-policy';
import type { SettingsInEffect } from '../core/settings/settings-in-effect';
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
  settings: SettingsInEffect;
  /** Clears copied note text from the clipboard after the set delay and at lock. */
  clipboardGuard: ClipboardGuard;
  /** The OS this runs on (process.platform unless a test says otherwise). */
  platform: NodeJS.Platform;
  /** The window's print dialog (the Electron shell); absent where the page prints itself (preview, tests). */
  printPage?: PrintPort;
  /** What the user chose, behind opaque handles: every path a channel touches comes from here. */
  files: FileHandles;
  /** Choosing a file or folder (the OS dialog, or the preview's typed path), and the drives plugged in now. */
  places: FilePlaces;
  /** Backups: create, verify, drill, restore, one job at a time. */
  backup: BackupService;
}

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;

/** The handlers of one channel group, e.g. `HandlersFor<'notes'>` for every `notes.*` channel. */
export type HandlersFor<G extends string> = { [C in Channel as C extends `${G}.${string}` ? C : never]: Handler<C> };
export type AllHandlers = { [C in Channel]: Handler<C> };
