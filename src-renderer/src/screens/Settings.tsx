import { AutoLockSettings } from './settings/AutoLockSettings';
import { ClinicianProfile } from './settings/ClinicianProfile';
import { ChangePassword } from './settings/ChangePassword';
import { KeyFileSettings } from './settings/KeyFileSettings';
import { RecordsSettings } from './settings/RecordsSettings';
import { RotateRecoveryKey } from './settings/RotateRecoveryKey';
import { SpellingSettings } from './settings/SpellingSettings';

/** Settings: one small section component each, so a new section is one more line here. */
export function Settings() {
  return (
    <main className="page">
      <h1>Settings</h1>
      <ClinicianProfile />
      <AutoLockSettings />
      <RecordsSettings />
      <SpellingSettings />
      <ChangePassword />
      <KeyFileSettings />
      <RotateRecoveryKey />
    </main>
  );
}
