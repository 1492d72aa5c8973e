import type { Input, Settings } from '../../../src-shared/ipc';
import { api, call } from './bridge';

/** The settings in effect (stored encrypted in the vault). */
export function loadSettings(): Promise<Settings> {
  return call(api().settings.get({}));
}

/** Changes only the given settings; returns them all. */
export function saveSettings(patch: Input<'settings.update'>): Promise<Settings> {
  return call(api().settings.update(patch));
}
