import { SETTINGS_DEFAULTS, type Settings } from '../../../src-shared/contract/settings';
import { VaultError } from '../errors';
import type { UnlockedSession } from '../vault/unlocked-session';

/**
 * The settings in effect: the unlocked session's, or the defaults while locked (they cannot be
 * read then). What lives outside a session (the lock policy, the clipboard, handlers) reads here.
 */
export class SettingsInEffect {
  constructor(
    private readonly session: () => UnlockedSession | null,
    /** Runs after every update (a shorter idle timeout must apply at once). */
    private readonly onChange: () => void = () => undefined,
  ) {}

  current(): Settings {
    return this.session()?.settings.current() ?? { ...SETTINGS_DEFAULTS };
  }

  update(patch: Partial<Settings>): Settings {
    const session = this.session();
    if (!session) throw new VaultError('VAULT_LOCKED', 'The vault is locked. Unlock it to change settings.');
    const next = session.settings.update(patch);
    this.onChange();
    return next;
  }
}
