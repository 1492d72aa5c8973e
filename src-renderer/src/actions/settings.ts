import type { Input, Settings } from '../../../src-shared/ipc';
import { useApp } from '../store';
import { api, call } from './bridge';

/** Whether this computer can check spelling offline (fixed for the app's life). */
let spellCheckOffered: Promise<boolean> | null = null;
export function spellCheckAvailable(): Promise<boolean> {
  spellCheckOffered ??= call(api().session.capabilities({})).then((c) => c.spellCheck);
  return spellCheckOffered;
}

async function applyPreferences(settings: Settings): Promise<Settings> {
  useApp.setState({ spellCheck: settings.spellCheck && (await spellCheckAvailable()) });
  return settings;
}

/** The settings in effect (stored encrypted in the vault); the UI's preferences follow them. */
export async function loadSettings(): Promise<Settings> {
  return applyPreferences(await call(api().settings.get({})));
}

/** Changes only the given settings; returns them all. */
export async function saveSettings(patch: Input<'settings.update'>): Promise<Settings> {
  return applyPreferences(await call(api().settings.update(patch)));
}
