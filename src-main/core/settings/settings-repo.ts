import { z } from 'zod';
import { SETTINGS_DEFAULTS, settingsShape, type Settings } from '../../../src-shared/contract/settings';
import { VaultError } from '../errors';
import { recordType, type RecordStore } from '../records/record-store';

/** The one settings record. A fixed id: random record ids are 32 hex characters, so no clash. */
export const SETTINGS_RECORD_ID = 'settings';

/** Field by field, so one unknown or out-of-range value never discards the others: it reads as its default. */
function fieldByField<S extends Record<string, z.ZodType>>(shape: S) {
  const fields = {} as { [K in keyof S]: z.ZodCatch<z.ZodOptional<S[K]>> };
  for (const key in shape) fields[key] = shape[key]!.optional().catch(undefined) as (typeof fields)[typeof key];
  return z.object(fields);
}

/** The settings record (kind 'settings'). */
export const settingsRecord = recordType('settings', fieldByField(settingsShape), 'settings record');

/**
 * The clinician's settings as an encrypted record (never plaintext meta: even a timeout says
 * something about the practice). One per unlocked session, which holds the decrypted copy.
 */
export class SettingsRepo {
  private cache: Settings | null = null;

  constructor(private readonly store: RecordStore) {}

  current(): Settings {
    this.cache ??= read(this.store);
    return { ...this.cache };
  }

  /** Writes a new revision with `patch` applied (already validated by the contract). */
  update(patch: Partial<Settings>): Settings {
    // An explicit `undefined` (structured clone keeps it) means "unchanged", not "erase".
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next: Settings = { ...this.current(), ...changes };
    const rev = headRev(this.store);
    if (rev === null) this.store.insert(settingsRecord, next, SETTINGS_RECORD_ID);
    else this.store.update(SETTINGS_RECORD_ID, settingsRecord, rev, next);
    this.cache = next;
    return { ...next };
  }
}

function read(store: RecordStore): Settings {
  let stored: z.output<typeof settingsRecord.schema>;
  try {
    stored = store.get(SETTINGS_RECORD_ID, settingsRecord).payload;
  } catch (error) {
    // No record yet: defaults. A damaged record: defaults too, the safe choice for a lock timer.
    if (error instanceof VaultError && (error.code === 'NOT_FOUND' || error.code === 'VAULT_CORRUPT')) return { ...SETTINGS_DEFAULTS };
    throw error;
  }
  const known = Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== undefined));
  return { ...SETTINGS_DEFAULTS, ...known };
}

function headRev(store: RecordStore): number | null {
  try {
    return store.head(SETTINGS_RECORD_ID, settingsRecord).rev;
  } catch (error) {
    if (error instanceof VaultError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
