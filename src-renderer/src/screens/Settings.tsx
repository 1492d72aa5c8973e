import { AutoLockSettings } from './settings/AutoLockSettings';
import { ClinicianProfile } from './settings/ClinicianProfile';
import { ChangePassword } from './settings/ChangePassword';
import { RecordsSettings } from './settings/RecordsSettings';
import { RotateRecoveryKey } from './settings/RotateRecoveryKey';

export function Settings() {
  return (
    <main className="page">
      <h1>Settings</h1>
      <ClinicianProfile />
      <AutoLockSettings />
      <RecordsSettings />
      <ChangePassword />
      <RotateRecoveryKey />
    </main>
  );
}
