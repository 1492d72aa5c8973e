import { unlockedVault } from '../../../helpers/service';

/** A fresh unlocked vault with one client, Ada Quill (the helper closes it after the test). */
export async function vaultWithClient() {
  const v = await unlockedVault();
  const client = await v.call('clients.create', { displayName: 'Ada Quill' });
  return { ...v, svc: v.service, clientId: client.id };
}
