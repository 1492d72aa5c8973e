import type { Settings } from '../../../src-shared/contract/settings';
import { lastRestore, lastVerifiedBackup } from '../backup/backup-log';
import type { UnlockedSession } from '../vault/unlocked-session';
import { detectDiskEncryption } from './disk-encryption';
import type { CheckupFacts, DiskEncryption } from './facts';
import { checkPermissions } from './permissions';
import { readSecurityFacts } from './security-record';

export interface GatherContext {
  session: UnlockedSession;
  dataDir: string;
  settings: Settings;
  now: number;
  /** Injected so tests need not depend on the machine they run on. */
  disk?: (dir: string) => DiskEncryption;
  platform?: NodeJS.Platform;
}

/** Reads every fact the rules need. Each probe fails soft to "not known", never to a guess. */
export function gatherFacts(ctx: GatherContext): CheckupFacts {
  const { session, dataDir, settings, now } = ctx;
  const security = readSecurityFacts(session.store);
  return {
    now,
    passwordScore: security.passwordScore ?? null,
    passwordChangedAt: session.header.passwordChangedAt,
    recoveryCreatedAt: session.header.recoveryCreatedAt,
    recoveryKitConfirmedFor: security.recoveryKitConfirmedFor ?? null,
    keyFile: session.header.keyFile,
    idleLockMinutes: settings.idleLockMinutes,
    backupReminderDays: settings.backupReminderDays,
    lastVerifiedBackupAt: lastVerifiedBackup(dataDir, session.masterKey, session.header.vaultId)?.createdAt ?? null,
    lastRestoredAt: lastRestore(dataDir, session.masterKey, session.header.vaultId),
    backupFolderChosen: settings.backupDir !== null,
    lastDrillAt: soft(() => session.audit.list({ type: 'backup.drilled' })[0]?.time ?? null, null),
    audit: soft(() => {
      const { ok, entries } = session.audit.verify();
      return { ok, entries };
    }, null),
    permissions: soft(() => checkPermissions(dataDir, ctx.platform), null),
    disk: soft(() => (ctx.disk ?? detectDiskEncryption)(dataDir), { state: 'unknown' } as DiskEncryption),
  };
}

function soft<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
