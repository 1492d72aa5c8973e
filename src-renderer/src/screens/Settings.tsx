import { AutoLockSettings } from './settings/AutoLockSettings';
import { ChangePassword } from './settings/ChangePassword';
import { ProfessionalWillLink } from './settings/ProfessionalWillLink';
import { RecordsSettings } from './settings/RecordsSettings';
import { RotateRecoveryKey } from './settings/RotateRecoveryKey';

export function Settings() {
  return (
    <main className="page">
      <h1>Settings</h1>
      <AutoLockSettings />
      <RecordsSettings />
      <ChangePassword />
      <RotateRecoveryKey />
      <ProfessionalWillLink />
    </main>
  );
}
