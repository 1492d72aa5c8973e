import { spellCheckWorksOffline } from '../../src-shared/spellcheck';
import { APP_ORIGIN } from './security';

/** The spellchecker methods of an Electron session that we use (so a test can stand in for it). */
export interface SpellCheckSession {
  setSpellCheckerDictionaryDownloadURL(url: string): void;
  setSpellCheckerEnabled(enabled: boolean): void;
}

/**
 * Dictionaries would come from here: our own app:// origin, which ships none, so no dictionary
 * request ever leaves the app (Chromium's default is a Google CDN; on Windows it falls back to
 * a download for languages the OS cannot check).
 */
export const DICTIONARY_BASE_URL = `${APP_ORIGIN}/dictionaries/`;

/**
 * Sets up spell check on the session before any window exists: never a remote dictionary, off on
 * Linux (it would need a download), and on macOS/Windows following the clinician's setting.
 * Returns the switch the service calls with the setting.
 */
export function configureSpellCheck(session: SpellCheckSession, platform: string): (enabled: boolean) => void {
  session.setSpellCheckerDictionaryDownloadURL(DICTIONARY_BASE_URL);
  const available = spellCheckWorksOffline(platform);
  session.setSpellCheckerEnabled(false); // Until the setting is read (it is encrypted in the vault).
  return (enabled) => session.setSpellCheckerEnabled(available && enabled);
}
