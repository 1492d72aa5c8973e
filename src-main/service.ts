import type { z } from 'zod';
import { custodianMayUse, READ_ONLY_MESSAGE } from '../src-shared/custodian-access';
import { fail, ok, type Result } from '../src-shared/errors';
import { contract, isChannel, type Channel, type EventName, type EventPayload, type Output } from '../src-shared/ipc';
import { initCrypto, type KdfParams } from './core/crypto/sodium';
import { auditEventFor } from './audit-events';
import { BackupService } from './core/backup/backup-service';
import { notePasswordScore } from './core/checkup/password-score';
import { SETTINGS_DEFAULTS } from '../src-shared/contract/settings';
import { createAutoLock } from './core/lock/auto-lock';
import { ClipboardGuard, type ClipboardPort } from './core/lock/clipboard-guard';
import { classifyUnexpected, VaultError } from './core/errors';
import { systemClock, type IdleSignals, type LockReason, type PolicyClock } from './core/lock/lock-policy';
import { VaultManager } from './core/vault/vault-manager';
import { readKeyFile } from './core/files/key-file';
import { Drives } from './core/drives/drives';
import { systemDriveSource } from './core/drives/system-drives';
import type { DriveSource } from './core/drives/volume';
import type { FileChooser } from './core/files/file-chooser';
import { FileHandles } from './core/files/file-handles';
import type { PrintPort } from './core/export/printing';
import { FilePlaces } from './core/files/file-places';
import { filesHandlers } from './handlers/files';
import { auditHandlers } from './handlers/audit';
import { checkupHandlers } from './handlers/checkup';
import { clientsHandlers } from './handlers/clients';
import { consentHandlers } from './handlers/consent';
import { custodiansHandlers } from './handlers/custodians';
import { backupHandlers } from './handlers/backup';
import { exportHandlers } from './handlers/export';
import { transferHandlers } from './handlers/transfer';
import { incidentHandlers } from './handlers/incident';
import { measuresHandlers } from './handlers/measures';
import { planHandlers } from './handlers/plan';
import { notesHandlers } from './handlers/notes';
import { printHandlers } from './handlers/print';
import { profileHandlers } from './handlers/profile';
import { retentionHandlers } from './handlers/retention';
import { searchHandlers } from './handlers/search';
import { sessionHandlers } from './handlers/session';
import { settingsHandlers } from './handlers/settings';
import type { AllHandlers, ServiceContext } from './handlers/types';
import { vaultHandlers } from './handlers/vault';

export interface VaultServiceOptions {
  /** Directory holding vault.db (created if missing). */
  dataDir: string;
  now?: () => number;
  /** Tests and benchmarks only: fixed KDF parameters instead of calibrating (~1 s each). */
  dangerouslyUseKdfParams?: KdfParams;
  /** Main -> renderer events (lock, warnings, flush requests). Without it, a lock does not wait for a draft flush. */
  onEvent?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** Tests only: a fake clock and timers for the auto-lock policy and the flush handshake. */
  lockClock?: PolicyClock;
  /** How long a lock waits for the renderer's `session.flushDone` (default 2000 ms). */
  flushTimeoutMs?: number;
  /** The system clipboard (Electron); without it, copied text is not cleared by the app. */
  clipboard?: ClipboardPort;
  /** Opens the window's print dialog (Electron's webContents.print); resolves true when printed. */
  printPage?: PrintPort;
  /** Tests only: the OS to behave as (default process.platform). */
  platform?: NodeJS.Platform;
  /** The Shell's spellchecker switch: called with the spell-check setting once it is known (unlocked) and whenever it changes. */
  onSpellCheck?: (enabled: boolean) => void;
  /**
   * How the user chooses files and folders: the OS dialogs from the Shell, or the preview's drive
   * list plus a typed path. Required, so no build can fall back to trusting a typed path by accident.
   */
  fileChooser: FileChooser;
  /** Where removable drives come from; the OS's own by default (tests and the preview point it elsewhere). */
  driveSource?: DriveSource;
}

/**
 * The port the Shell feeds with the OS's idle signals (electron/idle.ts): system idle time,
 * suspend, screen lock, a hidden window. Tests and the preview also move its clock, to reach an
 * idle lock without waiting minutes.
 */
export interface IdlePort extends IdleSignals {
  dangerouslyAdvanceClock(ms: number): void;
}
export type { FileChooser, IdleSignals, LockReason };

export interface VaultService {
  /** The only door into the core. Never throws; every failure is a `{code, message}`. */
  invoke<C extends Channel>(channel: C, input: unknown): Promise<Result<Output<C>>>;
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Where idle signals go (the auto-lock policy behind it). */
  idle: IdlePort;
  /** Flush-then-lock from main (e.g. 'quit' before the app exits). Resolves once locked. */
  lock(reason: LockReason): Promise<void>;
  close(): void;
}

export async function createVaultService(options: VaultServiceOptions): Promise<VaultService> {
  await initCrypto();
  const now = options.now ?? Date.now;
  const vault: VaultManager = new VaultManager({
    dataDir: options.dataDir,
    now,
    dangerouslyUseKdfParams: options.dangerouslyUseKdfParams,
    readKeyFile,
    onPasswordAccepted: (password, when) => notePasswordScore(vault, password, now(), when),
  });
  // The delay is read when a copy happens, long after autoLock below exists.
  const clipboardGuard = new ClipboardGuard(options.clipboard ?? null, options.lockClock ?? systemClock, () => {
    try {
      return autoLock.settings.current().clipboardClearSeconds;
    } catch {
      return SETTINGS_DEFAULTS.clipboardClearSeconds;
    }
  });
  const emit: ServiceContext['emit'] = (event, payload) => {
    // Copied note text must not outlive the unlocked session.
    if (event === 'locked') void clipboardGuard.clearIfOurs();
    options.onEvent?.(event, payload);
  };
  const autoLock = createAutoLock({
    vault,
    emit,
    clock: options.lockClock,
    flushTimeoutMs: options.flushTimeoutMs,
    hasRenderer: options.onEvent !== undefined,
  });
  const settings = autoLock.settings;
  const files = new FileHandles();
  const drives = new Drives(options.driveSource ?? systemDriveSource());
  const backup = new BackupService({ vault, dataDir: options.dataDir, now, readKeyFile, files, drives, settings, onProgress: (p) => emit('backup.progress', p) });
  const ctx: ServiceContext = {
    vault,
    dataDir: options.dataDir,
    now,
    emit,
    lockPolicy: autoLock.policy,
    lockCoordinator: autoLock.coordinator,
    settings,
    clipboardGuard,
    ...(options.printPage ? { printPage: options.printPage } : {}),
    platform: options.platform ?? process.platform,
    files,
    places: new FilePlaces({ vault, dataDir: options.dataDir, now, chooser: options.fileChooser, drives, files }),
    backup,
  };

  // A missing or extra handler is a compile error: AllHandlers is derived from the contract.
  const handlers: AllHandlers = {
    ...vaultHandlers(ctx),
    ...notesHandlers(ctx),
    ...backupHandlers(ctx),
    ...clientsHandlers(ctx),
    ...searchHandlers(ctx),
    ...sessionHandlers(ctx),
    ...settingsHandlers(ctx),
    ...auditHandlers(ctx),
    ...exportHandlers(ctx),
    ...transferHandlers(ctx),
    ...retentionHandlers(ctx),
    ...consentHandlers(ctx),
    ...checkupHandlers(ctx),
    ...incidentHandlers(ctx),
    ...custodiansHandlers(ctx),
    ...profileHandlers(ctx),
    ...printHandlers(ctx),
    ...filesHandlers(ctx),
    ...measuresHandlers(ctx),
    ...planHandlers(ctx),
  };

  async function invoke(channel: string, input: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) return fail('INVALID_INPUT', 'Unknown request.');
    // Custodian mode is read-only by default: a channel not on the list never runs, whatever its input.
    if (vault.custodianMode() && !custodianMayUse(channel)) return fail('READ_ONLY', READ_ONLY_MESSAGE);
    const parsed = contract[channel].input.safeParse(input ?? {});
    if (!parsed.success) return fail('INVALID_INPUT', describeIssue(parsed.error));
    let result: Result<unknown>;
    try {
      const handler = handlers[channel] as (i: unknown) => unknown;
      result = ok(await handler(parsed.data));
    } catch (error) {
      // Developer aid only, off by default: a stack may name a file path, never note content.
      if (process.env.SV_DEBUG_ERRORS && !(error instanceof VaultError)) console.error(channel, error);
      result = { ok: false, error: classifyUnexpected(error) };
    }
    try {
      // The audit trail is written here, once, for every channel (table in core/audit/audit-events.ts).
      const event = auditEventFor(channel, parsed.data, result);
      if (event) vault.recordAudit(event);
      return result;
    } finally {
      // Arms the auto-lock after any call that unlocked the vault (unlock, create, restore…).
      autoLock.coordinator.sync();
      reportSpellCheck();
    }
  }

  /** Tells the Shell the spell-check setting once it can be read (unlocked) and whenever it changes. */
  let spellCheckReported: boolean | undefined;
  function reportSpellCheck(): void {
    if (!options.onSpellCheck || vault.status().state !== 'unlocked') return;
    const on = autoLock.settings.current().spellCheck;
    if (on === spellCheckReported) return;
    spellCheckReported = on;
    options.onSpellCheck(on);
  }

  return {
    invoke: invoke as VaultService['invoke'],
    idle: autoLock.policy,
    lock: async (reason) => {
      await autoLock.coordinator.lock(reason);
    },
    close: () => {
      autoLock.policy.disarm();
      vault.close();
    },
  };
}

/** Names the field and the rule, never the value (it could be a password or a note). */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request was not valid.';
  const field = issue.path.length ? issue.path.join('.') : 'request';
  return `Invalid ${field}: ${issue.message.replace(/"[^"]*"/g, '…')}`;
}
