import type { MasterKey } from '../crypto/keys';
import { memzero } from '../crypto/sodium';
import { VaultError } from '../errors';
import { unlockWithPassword, unlockWithRecoveryKey } from '../vault/key-hierarchy';
import { decodeOrExplain } from '../vault/vault-credentials';
import type { BackupHeader } from './backup-format';

export type BackupCredentials = { password: string; keyFileBytes: Uint8Array | null } | { recoveryKey: string };

/**
 * The master key unwrapped from the backup's own copy of the vault header, so a backup opens on
 * a new computer with the password (Argon2id at the header's settings) or the Recovery Key it
 * was made under — even after the vault's password has since changed.
 */
export async function masterKeyFromBackup(header: BackupHeader, credentials: BackupCredentials): Promise<MasterKey> {
  if ('recoveryKey' in credentials) {
    const key = decodeOrExplain(credentials.recoveryKey);
    try {
      const mk = await unlockWithRecoveryKey(header.vault, key);
      if (!mk) throw new VaultError('WRONG_CREDENTIALS', 'That recovery key does not open this backup. Was it made with an older Recovery Kit?');
      return mk;
    } finally {
      memzero(key);
    }
  }
  if (header.vault.keyFile && !credentials.keyFileBytes) {
    throw new VaultError('WRONG_CREDENTIALS', 'This backup also needs its key file. Choose the key file and try again.');
  }
  const mk = await unlockWithPassword(header.vault, credentials.password, header.vault.keyFile ? credentials.keyFileBytes : null);
  if (!mk) {
    throw new VaultError('WRONG_CREDENTIALS', 'That password does not open this backup. It needs the password the vault had when the backup was made.');
  }
  return mk;
}
