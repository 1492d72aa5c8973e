import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { VaultService, VaultServiceOptions } from '../../../../src-main/service';
import { newService, STRONG_PASSWORD, value } from '../../../helpers/service';

/** Shared by the vault tests: a service whose manual lock does not wait for a renderer. */
export async function vaultService(overrides: Partial<VaultServiceOptions> = {}): Promise<{ service: VaultService; dataDir: string }> {
  return newService({ flushTimeoutMs: 1, ...overrides });
}

export async function createdVault(overrides: Partial<VaultServiceOptions> = {}) {
  const { service, dataDir } = await vaultService(overrides);
  const created = value(await service.invoke('vault.create', { password: STRONG_PASSWORD }));
  return { service, dataDir, recoveryKey: created.recoveryKey, vaultId: created.vaultId };
}

export function vaultFile(dataDir: string): string {
  return path.join(dataDir, 'vault.db');
}

/** Edits the vault file directly, as an attacker or a disk error would, then closes it. */
export function tamper(dataDir: string, fn: (db: Database.Database) => void): void {
  const db = new Database(vaultFile(dataDir));
  try {
    fn(db);
  } finally {
    db.close();
  }
}

/** SHA-256 of every file under dataDir, by name: "nothing was overwritten" means this is unchanged. */
export function fingerprint(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dataDir).sort()) {
    const file = path.join(dataDir, name);
    if (fs.statSync(file).isFile()) out[name] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return out;
}

/** A mutable clock for rate-limit tests. */
export function fakeClock(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}
