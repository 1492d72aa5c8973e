import { z } from 'zod';
import type { AppError, Result } from './errors';
import { auditContract } from './contract/audit';
import { backupContract, backupProgress } from './contract/backup';
import { checkupContract } from './contract/checkup';
import { clientsContract } from './contract/clients';
import { consentContract } from './contract/consent';
import { custodiansContract } from './contract/custodians';
import { exportContract } from './contract/export';
import { filesContract } from './contract/files';
import { incidentContract } from './contract/incident';
import { measuresContract } from './contract/measures';
import { notesContract } from './contract/notes';
import { planContract } from './contract/plan';
import { printContract } from './contract/print';
import { profileContract } from './contract/profile';
import { retentionContract } from './contract/retention';
import { searchContract } from './contract/search';
import { sessionContract } from './contract/session';
import { settingsContract } from './contract/settings';
import { transferContract } from './contract/transfer';
import { vaultContract } from './contract/vault';

/**
 * The IPC contract, declared once: channel -> { input schema, output schema }. Main binds every
 * channel to the service, the preload exposes one function per channel, the renderer and the
 * tests take their types from here. Each group lives in `contract/<group>.ts`.
 */
export const contract = {
  ...vaultContract,
  ...backupContract,
  ...notesContract,
  ...clientsContract,
  ...searchContract,
  ...sessionContract,
  ...settingsContract,
  ...auditContract,
  ...exportContract,
  ...transferContract,
  ...retentionContract,
  ...consentContract,
  ...checkupContract,
  ...incidentContract,
  ...custodiansContract,
  ...profileContract,
  ...printContract,
  ...filesContract,
  ...measuresContract,
  ...planContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** An input after validation (defaults applied): what a handler, and the core behind it, receives. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** Events main pushes to the renderer. */
export const events = {
  locked: z.object({ reason: z.enum(['manual', 'idle', 'suspend', 'screen-lock', 'hidden', 'quit']) }),
  'lock.warning': z.object({ secondsLeft: z.number().int().min(0) }),
  'flush.request': z.object({ requestId: z.string() }),
  /** Bytes done / total while a backup, verify, drill or restore runs. */
  'backup.progress': backupProgress,
  /** Input arrived during an idle warning: hide the countdown. */
  'lock.warningCancelled': z.object({}),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

/**
 * `window.vault`: one function per channel, grouped by the part before the dot
 * (`vault.notes.create(input)`), plus `on(event, cb)` that returns an unsubscribe function.
 */
type GroupOf<C extends string> = C extends `${infer G}.${string}` ? G : never;
export type ChannelFn<C extends Channel> = (input: Input<C>) => Promise<Result<Output<C>>>;
export type VaultApi = {
  [G in GroupOf<Channel>]: { [C in Channel as C extends `${G}.${infer N}` ? N : never]: ChannelFn<C> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export type Transport = (channel: Channel, input: unknown) => Promise<Result<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/** Builds `window.vault` from the contract over any transport (Electron IPC, a test bridge). */
export function buildVaultApi(transport: Transport, subscribe: Subscribe): VaultApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNELS) {
    const [group, name] = channel.split('.') as [string, string];
    api[group] ??= {};
    api[group][name] = (input: unknown) => transport(channel, input ?? {});
  }
  return { ...api, on: subscribe } as unknown as VaultApi;
}

export type { AppError, Result };
export type { Note, NoteSummary } from './contract/notes';
export type { Client, ClientSummary } from './contract/clients';
export type { SearchHit } from './contract/search';
export type { VaultState } from './contract/vault';
export type { Settings } from './contract/settings';
export type { BackupListing, BackupProgress } from './contract/backup';
export type { Drive } from './contract/files';
export type { ChosenPlace } from './contract/common';
