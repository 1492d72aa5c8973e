import { SETTINGS_DEFAULTS, settingsShape, type Settings } from '../../../src-shared/contract/settings';
import { VaultError } from '../errors';
import type { RecordStore } from '../records/record-store';

/** The one settings record. A fixed id: random record ids are 32 hex characters, so no clash. */
export const SETTINGS_RECORD_ID = 'settings';

/**
 * Settings as an encrypted record of kind 'settings' (never plaintext meta: even a timeout
 * says something about the practice). While locked they cannot be read, so the defaults apply.
 * The decrypted copy is cached per unlocked session and dropped when the session changes.
 */
export class SettingsRepo {
  private cache: { store: RecordStore; settings: Settings } | null = null;

  /** `storeOf` returns the unlocked session's record store, or null while locked; `onChange` runs after every update. */
  constructor(
    private readonly storeOf: () => RecordStore | null,
    private readonly onChange: () => void = () => undefined,
  ) {}

  /** The settings in effect now. */
  current(): Settings {
    const store = this.storeOf();
    if (!store) {
      this.cache = null;
      return { ...SETTINGS_DEFAULTS };
    }
    if (this.cache?.store !== store) this.cache = { store, settings: read(store) };
    return { ...this.cache.settings };
  }

  /** Drops the decrypted copy (at lock). */
  forget(): void {
    this.cache = null;
  }

  /** Writes a new revision with `patch` applied (already validated by the contract). */
  update(patch: Partial<Settings>): Settings {
    const store = this.storeOf();
    if (!store) throw new VaultError('VAULT_LOCKED', 'The vault is locked. Unlock it to change settings.');
    // An explicit `undefined` (structured clone keeps it) means "unchanged", not "erase".
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next: Settings = { ...this.current(), ...changes };
    const rev = headRev(store);
    if (rev === null) store.insert('settings', next, SETTINGS_RECORD_ID);
    else store.update(SETTINGS_RECORD_ID, 'settings', rev, next);
    this.cache = { store, settings: next };
    this.onChange();
    return { ...next };
  }
}

/** Field by field, so one unknown or out-of-range value never discards the others. */
function read(store: RecordStore): Settings {
  let payload: Record<string, unknown>;
  try {
    payload = store.get<Record<string, unknown>>(SETTINGS_RECORD_ID, 'settings').payload ?? {};
  } catch (error) {
    // No record yet: defaults. A damaged record: defaults too, the safe choice for a lock timer.
    if (error instanceof VaultError && (error.code === 'NOT_FOUND' || error.code === 'VAULT_CORRUPT')) return { ...SETTINGS_DEFAULTS };
    throw error;
  }
  const out: Settings = { ...SETTINGS_DEFAULTS };
  for (const key of Object.keys(settingsShape) as (keyof Settings)[]) {
    const parsed = settingsShape[key].safeParse(payload[key]);
    if (parsed.success) (out as Record<keyof Settings, unknown>)[key] = parsed.data;
  }
  return out;
}

function headRev(store: RecordStore): number | null {
  try {
    return store.head(SETTINGS_RECORD_ID, 'settings').rev;
  } catch (error) {
    if (error instanceof VaultError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
