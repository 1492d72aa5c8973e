import fs from 'node:fs';
import type { BackupCredentials } from '../core/backup/backup-keys';
import type { BackupContext } from '../core/backup/backup-context';
import { createBackup } from '../core/backup/backup-create';
import { removeStaleScratch } from '../core/backup/backup-files';
import { listBackups } from '../core/backup/backup-list';
import { BackupCredentialLimiter } from '../core/backup/credential-limiter';
import { lastRestore, lastVerifiedBackup } from '../core/backup/backup-log';
import { verifyBackup } from '../core/backup/backup-verify';
import { drillBackup } from '../core/backup/drill';
import { restoreBackup } from '../core/backup/restore';
import { VaultError } from '../core/errors';
import type { HandlersFor, ServiceContext } from './types';

type CredentialInput = { password: string; keyFile?: string } | { recoveryKey: string };

function credentials(input: CredentialInput): BackupCredentials {
  if ('recoveryKey' in input) return { recoveryKey: input.recoveryKey };
  let keyFileBytes: Uint8Array | null = null;
  if (input.keyFile !== undefined) {
    try {
      keyFileBytes = fs.readFileSync(input.keyFile);
    } catch {
      throw new VaultError('IO_ERROR', 'The key file could not be read. Check that the drive holding it is connected.');
    }
  }
  return { password: input.password, keyFileBytes };
}

/** One backup job at a time: two restores, or a backup racing a restore, must never interleave. */
function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function backupHandlers({ vault, dataDir, now, emit }: ServiceContext): HandlersFor<'backup'> {
  const ctx: BackupContext = { vault, dataDir, now, onProgress: (p) => emit('backup.progress', p) };
  const serial = serialQueue();
  const limiter = new BackupCredentialLimiter(now);
  removeStaleScratch(dataDir); // Only this process uses dataDir (single-instance lock), so any scratch left is stale.
  return {
    'backup.create': ({ dir, keep }) =>
      serial(async () => {
        const made = await createBackup(ctx, dir, keep);
        return { ...made, verified: true as const };
      }),
    'backup.verify': (input) =>
      serial(async () => {
        const { parsed, sameVault } =
          'password' in input || 'recoveryKey' in input
            ? await limiter.run(() => verifyBackup(ctx, input.path, credentials(input)))
            : await verifyBackup(ctx, input.path);
        const { byKind, records } = parsed.header.counts;
        return {
          verified: true as const,
          vaultId: parsed.header.vaultId,
          sameVault,
          createdAt: parsed.header.createdAt,
          bytes: parsed.size,
          notes: byKind.note ?? 0,
          clients: byKind.client ?? 0,
          revisions: records,
        };
      }),
    'backup.drill': ({ path }) => serial(() => drillBackup(ctx, path)),
    'backup.restore': (input) => serial(() => limiter.run(() => restoreBackup(ctx, input.path, credentials(input)))),
    'backup.status': () => {
      const session = vault.unlocked();
      const { masterKey, header } = session;
      const last = lastVerifiedBackup(dataDir, masterKey, header.vaultId);
      return {
        lastVerifiedAt: last?.createdAt ?? null,
        lastVerifiedPath: last?.file ?? null,
        restoredAt: lastRestore(dataDir, masterKey, header.vaultId),
        vaultCreatedAt: header.createdAt,
      };
    },
    'backup.list': ({ dir }) => listBackups(ctx, dir),
  };
}
