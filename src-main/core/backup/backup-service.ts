import type { Output, ParsedInput } from '../../../src-shared/ipc';
import { serialQueue } from '../../../src-shared/serial-queue';
import { readKeyFileBytes, type KeyFileReader } from '../vault/vault-credentials';
import type { BackupContext } from './backup-context';
import { createBackup } from './backup-create';
import { removeStaleScratch } from './backup-files';
import type { BackupCredentials } from './backup-keys';
import { listBackups } from './backup-list';
import { lastVerifiedBackup } from './backup-log';
import { verifyBackup } from './backup-verify';
import { BackupCredentialLimiter } from './credential-limiter';
import { drillBackup } from './drill';
import { restoreBackup } from './restore';

export interface BackupServiceContext extends BackupContext {
  readKeyFile: KeyFileReader;
}

/**
 * The backup feature's entry point: handlers/backup.ts maps each `backup.*` channel to one
 * method here. Jobs that read or write a whole vault run one at a time, and a password or
 * Recovery Key typed for a backup file waits behind the unlock screen's growing delay.
 */
export class BackupService {
  // Two restores, or a backup racing a restore, must never interleave.
  private readonly serial = serialQueue();
  private readonly limiter: BackupCredentialLimiter;

  constructor(private readonly ctx: BackupServiceContext) {
    this.limiter = new BackupCredentialLimiter(ctx.now);
    // Only this process uses dataDir (single-instance lock), so any scratch left is stale.
    removeStaleScratch(ctx.dataDir);
  }

  /** Resolves only once the new file was read back and fully verified. */
  create({ dir, keep }: ParsedInput<'backup.create'>): Promise<Output<'backup.create'>> {
    return this.serial(async () => ({ ...(await createBackup(this.ctx, dir, keep)), verified: true as const }));
  }

  verify(input: ParsedInput<'backup.verify'>): Promise<Output<'backup.verify'>> {
    return this.serial(async () => {
      const { parsed, sameVault } =
        'password' in input || 'recoveryKey' in input
          ? await this.limiter.run(() => verifyBackup(this.ctx, input.path, this.credentials(input)))
          : await verifyBackup(this.ctx, input.path);
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
    });
  }

  drill({ path }: ParsedInput<'backup.drill'>): Promise<Output<'backup.drill'>> {
    return this.serial(() => drillBackup(this.ctx, path));
  }

  restore(input: ParsedInput<'backup.restore'>): Promise<Output<'backup.restore'>> {
    return this.serial(() => this.limiter.run(() => restoreBackup(this.ctx, input.path, this.credentials(input))));
  }

  /** The newest backup this vault verified, for the "back up soon" banner without the drive. */
  status(): Output<'backup.status'> {
    const session = this.ctx.vault.unlocked();
    const last = lastVerifiedBackup(this.ctx.dataDir, session.masterKey, session.header.vaultId);
    return { lastVerifiedAt: last?.createdAt ?? null, lastVerifiedPath: last?.file ?? null };
  }

  list({ dir }: ParsedInput<'backup.list'>): Output<'backup.list'> {
    return listBackups(this.ctx, dir);
  }

  private credentials(input: ParsedInput<'backup.restore'>): BackupCredentials {
    if ('recoveryKey' in input) return { recoveryKey: input.recoveryKey };
    return { password: input.password, keyFileBytes: readKeyFileBytes(this.ctx.readKeyFile, input.keyFile) };
  }
}
