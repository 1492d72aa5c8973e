import type { BackupProgress } from '../../../src-shared/contract/backup';
import type { VaultManager } from '../vault/vault-manager';

export type { BackupProgress };
export type BackupPhase = BackupProgress['phase'];

/** What the backup operations need from the service. */
export interface BackupContext {
  vault: VaultManager;
  dataDir: string;
  now: () => number;
  onProgress?: (progress: BackupProgress) => void;
}

/** A progress reporter for one phase that sends at most ~100 events however large the vault. */
export function phaseReporter(ctx: BackupContext, phase: BackupPhase): (done: number, total: number) => void {
  let lastPercent = -1;
  return (done, total) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    if (percent === lastPercent && done !== total) return;
    lastPercent = percent;
    ctx.onProgress?.({ phase, done, total });
  };
}
