import fs from 'node:fs';
import path from 'node:path';
import { serialQueue } from '../../../src-shared/serial-queue';
import { calibrateKdf } from './kdf-calibration';
import { releaseKdfThread } from '../crypto/kdf-thread';
import { copyKey, type MasterKey } from '../crypto/keys';
import { memzero, type KdfParams } from '../crypto/sodium';
import { VaultError } from '../errors';
import { createVaultKeys, type NewVaultKeys } from './key-hierarchy';
import { AuditLog, type AuditEvent } from '../audit/audit-log';
import { addPending } from '../audit/audit-pending';
import type { LockReason } from '../lock/lock-policy';
import { UnlockLimiter } from './rate-limit';
import { confirmOwner, headerWithKeyFile, headerWithNewPassword, headerWithNewRecoveryKey, type RekeyContext } from './vault-rekey';
import { makeCustodianSplit } from '../custodians/custodian-split';
import { isCurrentSplit, STALE_SPLIT, WRONG_SHARES } from '../custodians/custodian-open';
import { writeCustodians } from '../custodians/custodians-record';
import { withoutCustodianSlot } from './key-hierarchy';
import { encodeRecoveryKey } from './recovery-key';
import { snapshotDatabase } from '../backup/snapshot';
import { removeUnlockCache } from './unlock-cache';
import { closeSession, keepAuditAnchor, openSession, type UnlockedSession } from './unlocked-session';
import { checkpointWhenIdle } from './idle-checkpoint';
import { createVaultFile, openVaultDb, type Db } from './vault-db';
import {
  assertStrong,
  lockedMeanwhile,
  openMasterKey,
  readKeyFileBytes,
  WRONG_RECOVERY_KEY,
  wrongPassword,
  type Credentials,
  type KeyFileReader,
} from './vault-credentials';
import { readHeader, writeHeader, writeMetaNumber, type VaultHeader } from './vault-header';

export const VAULT_FILE = 'vault.db';

export interface VaultManagerOptions {
  dataDir: string;
  now: () => number;
  /** Tests and benchmarks only: skip calibration and use these (possibly weak) parameters. */
  dangerouslyUseKdfParams?: KdfParams;
  readKeyFile: KeyFileReader;
  /**
   * Told each password the vault accepted: `set` by create and change, `unlocked` by an unlock
   * (the Security Checkup keeps its strength score). Awaited after the vault call; must not throw.
   */
  onPasswordAccepted?: (password: string, when: 'set' | 'unlocked') => Promise<void>;
}

export type { Credentials, UnlockedSession };

export interface VaultStatus {
  state: 'absent' | 'locked' | 'unlocked';
  hasKeyFile: boolean;
  vaultId: string | null;
  /** Unlocked with custodian shares (read-only). */
  custodianMode: boolean;
  /** How many custodian shares open the vault, of how many kits; null when no custodians are named. */
  custodians: { threshold: number; shares: number } | null;
}

export interface CreatedVault {
  /** The Recovery Key as 14 dash-separated base32 groups; shown once, never stored. */
  recoveryKey: string;
  vaultId: string;
  createdAt: number;
  kdf: KdfParams;
}

/** Owns the vault file and its state: absent → locked ⇄ unlocked. */
export class VaultManager {
  private db: Db | null = null;
  private session: UnlockedSession | null = null;
  /** Bumped by every lock: a KDF that finishes after a lock must not bring the session back. */
  private lockEpoch = 0;
  /** Create, unlock and credential changes run one at a time, in order (the rate limit counts each try). */
  private readonly exclusive = serialQueue();
  readonly file: string;

  constructor(private readonly opts: VaultManagerOptions) {
    this.file = path.join(opts.dataDir, VAULT_FILE);
  }

  /** Opens the vault file if there is one (without keys). */
  private database(): Db | null {
    if (!this.db && fs.existsSync(this.file)) this.db = this.openDb();
    return this.db;
  }

  /** The vault file's connection for this process: its log is checkpointed between writes, not in a save. */
  private openDb(): Db {
    const db = openVaultDb(this.file);
    checkpointWhenIdle(db);
    return db;
  }

  status(): VaultStatus {
    const opened = this.session;
    const db = opened ? this.db : this.database();
    if (!db) return { state: 'absent', hasKeyFile: false, vaultId: null, custodianMode: false, custodians: null };
    const header = opened?.header ?? readHeader(db);
    // The unlock screen asks for this many shares; the numbers are plaintext in the header anyway.
    const custodians = header.custodians ? { threshold: header.custodians.threshold, shares: header.custodians.shares } : null;
    return { state: opened ? 'unlocked' : 'locked', hasKeyFile: header.keyFile, vaultId: header.vaultId, custodianMode: opened?.custodian ?? false, custodians };
  }

  private kdfParams(): Promise<KdfParams> {
    const fixed = this.opts.dangerouslyUseKdfParams;
    return fixed ? Promise.resolve(fixed) : calibrateKdf();
  }

  /** Makes the vault file and unlocks it. Calibration and Argon2id (~2 s) run on a worker thread. */
  async create(password: string, keyFile?: string): Promise<CreatedVault> {
    const created = await this.exclusive(async () => {
      if (this.database()) throw new VaultError('VAULT_EXISTS', 'A vault already exists on this computer.');
      await assertStrong(password);
      const keyBytes = readKeyFileBytes(this.opts.readKeyFile, keyFile);
      const epoch = this.lockEpoch;
      let keys: NewVaultKeys;
      try {
        keys = await createVaultKeys(password, keyBytes, await this.kdfParams(), this.opts.now());
      } finally {
        memzero(keyBytes);
      }
      const { header, masterKey, recoveryKey } = keys;
      try {
        fs.mkdirSync(this.opts.dataDir, { recursive: true, mode: 0o700 });
        createVaultFile(this.file, header);
        this.db = this.openDb();
        // The trail's first entry is sealed now, whatever happens next: a vault never has an empty trail.
        const genesis = new AuditLog(this.db, header.vaultId, masterKey, this.opts.now);
        genesis.append({ type: 'vault.created' });
        genesis.close();
        // Locked (suspend, quit) while the KDF ran: the vault exists, but it stays locked.
        if (epoch === this.lockEpoch) this.startSession(header, masterKey);
        else memzero(masterKey);
        const { opsLimit, memLimitBytes } = header.kdf;
        return { recoveryKey: encodeRecoveryKey(recoveryKey), vaultId: header.vaultId, createdAt: header.createdAt, kdf: { opsLimit, memLimitBytes } };
      } catch (e) {
        memzero(masterKey);
        throw e;
      } finally {
        memzero(recoveryKey);
      }
    });
    await this.opts.onPasswordAccepted?.(password, 'set');
    return created;
  }

  /** Opens the vault with the password (+ key file) or the Recovery Key; failures are rate-limited. */
  async unlock(credentials: Credentials): Promise<void> {
    await this.exclusive(async () => {
      const db = this.database();
      if (!db) throw new VaultError('VAULT_ABSENT', 'There is no vault on this computer yet.');
      const header = this.session?.header ?? readHeader(db);
      const limiter = new UnlockLimiter(db);
      limiter.check(this.opts.now());
      const epoch = this.lockEpoch;
      const mk = await openMasterKey(header, credentials, this.opts.readKeyFile);
      if (!db.open) {
        memzero(mk);
        throw lockedMeanwhile();
      }
      if (!mk) {
        limiter.recordFailure(this.opts.now());
        throw new VaultError('WRONG_CREDENTIALS', 'custodianShares' in credentials ? WRONG_SHARES : 'recoveryKey' in credentials ? WRONG_RECOVERY_KEY : wrongPassword(header));
      }
      if ('custodianShares' in credentials && !isCurrentSplit(db, header, mk)) {
        memzero(mk);
        limiter.recordFailure(this.opts.now());
        throw new VaultError('WRONG_CREDENTIALS', STALE_SPLIT);
      }
      limiter.reset();
      // Already unlocked (a second click): the credentials were checked, the session stays as it is.
      if (this.session) return memzero(mk);
      if (epoch !== this.lockEpoch) {
        memzero(mk);
        throw lockedMeanwhile();
      }
      this.startSession(header, mk, { custodian: 'custodianShares' in credentials });
    });
    if ('password' in credentials) await this.opts.onPasswordAccepted?.(credentials.password, 'unlocked');
  }

  private startSession(header: VaultHeader, masterKey: MasterKey, o: { afterRestore?: boolean; custodian?: boolean } = {}): void {
    this.session = openSession(this.db!, header, masterKey, { ...this.opts, afterRestore: o.afterRestore, custodian: o.custodian });
  }

  /**
   * Records an audit event: sealed into the chain while unlocked; while locked only its type and
   * time wait in meta until the next unlock. Never throws: a failed log write must not undo or
   * block what already happened (a lock above all).
   */
  recordAudit(event: AuditEvent): void {
    try {
      if (this.session && event.oncePerSession) {
        const key = `${event.type}|${event.recordId ?? ''}`;
        if (this.session.auditedOnce.has(key)) return;
        this.session.auditedOnce.add(key);
      }
      if (this.session) this.session.audit.append(event);
      else if (this.database()) addPending(this.db!, event, this.opts.now());
    } catch {
      // The action already happened: failing it now would be worse than one missing entry.
    }
  }

  /** Unlocked with custodian shares: read-only. */
  custodianMode(): boolean {
    return this.session?.custodian ?? false;
  }

  /** The unlocked session, or VAULT_LOCKED. */
  unlocked(): UnlockedSession {
    if (!this.session) throw new VaultError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.session;
  }

  /** The unlocked session, or null while locked. */
  unlockedOrNull(): UnlockedSession | null {
    return this.session;
  }

  /**
   * Zeroes every key and drops every decrypted thing held in main. With a reason, the lock is
   * sealed into the audit trail first, as an entry promising the anchor written just after it.
   */
  lock(reason?: LockReason): void {
    if (this.session && reason) {
      try {
        this.session.audit.append({ type: 'vault.locked', detail: reason }, this.opts.now(), { anchored: true });
      } catch {
        // The lock must happen whatever the log does.
      }
    }
    this.endSession({ keepCache: true });
  }

  /** Locks; the unlock cache is sealed first unless the vault is about to be replaced (restore). */
  private endSession(o: { keepCache: boolean }): void {
    this.lockEpoch++;
    const s = this.session;
    if (!s) return;
    this.session = null;
    closeSession(s, { dataDir: this.opts.dataDir, keepCache: o.keepCache });
    // The KDF thread's memory may still hold traces of the password typed to unlock.
    releaseKdfThread();
  }

  /** Rewraps the master key under a new password (fresh salt, recalibrated KDF). No record changes. */
  async changePassword(current: string, next: string, keyFile?: string): Promise<void> {
    await this.exclusive(async () => {
      const s = this.unlocked();
      this.saveHeader(s, await headerWithNewPassword(this.rekeyContext(s), current, next, keyFile));
    });
    await this.opts.onPasswordAccepted?.(next, 'set');
  }

  /** A key file becomes a second factor: from now on the password opens the vault only with it. */
  addKeyFile(password: string, keyFile: string): Promise<void> {
    return this.exclusive(async () => {
      const s = this.unlocked();
      this.saveHeader(s, await headerWithKeyFile(this.rekeyContext(s), password, keyFile));
    });
  }

  /** A new Recovery Key (shown once); the old one stops opening the vault. */
  rotateRecoveryKey(password: string, keyFile?: string): Promise<{ recoveryKey: string; createdAt: number }> {
    return this.exclusive(async () => {
      const s = this.unlocked();
      const { header, recoveryKey } = await headerWithNewRecoveryKey(this.rekeyContext(s), password, keyFile);
      try {
        this.saveHeader(s, header);
        return { recoveryKey: encodeRecoveryKey(recoveryKey), createdAt: header.recoveryCreatedAt };
      } finally {
        memzero(recoveryKey);
      }
    });
  }

  /**
   * Names records custodians: a new split of a new custodian key, any `threshold` of the kits
   * together open the vault (read-only). Replaces an earlier split, whose kits stop working.
   * Returns the share texts in the order of `names`, shown once for the kits and never stored.
   */
  nameCustodians(password: string, keyFile: string | undefined, names: string[], threshold: number): Promise<{ shares: string[]; createdAt: number }> {
    return this.exclusive(async () => {
      const s = this.unlocked();
      const ctx = this.rekeyContext(s);
      await confirmOwner(ctx, password, keyFile);
      // No await since confirmOwner saw the session open; the split itself awaits, so it works on a copy.
      const mk = copyKey(s.masterKey);
      try {
        const { header, shares } = await makeCustodianSplit(s.header, mk, { threshold, shares: names.length }, this.opts.now());
        const slot = header.custodians!;
        this.saveHeader(s, header, () => writeCustodians(s.store, { names, slot }));
        return { shares, createdAt: slot.createdAt };
      } finally {
        memzero(mk);
      }
    });
  }

  /** Removes the custodian slot: every kit stops opening the vault (backups made before keep theirs). */
  revokeCustodians(password: string, keyFile?: string): Promise<void> {
    return this.exclusive(async () => {
      const s = this.unlocked();
      await confirmOwner(this.rekeyContext(s), password, keyFile);
      this.saveHeader(s, withoutCustodianSlot(s.header), () => writeCustodians(s.store, { revokedAt: this.opts.now() }));
    });
  }

  private rekeyContext(s: UnlockedSession): RekeyContext {
    const { now, readKeyFile } = this.opts;
    const limiter = new UnlockLimiter(this.db!);
    return { header: s.header, masterKey: s.masterKey, limiter, now, readKeyFile, kdfParams: () => this.kdfParams(), stillOpen: () => this.session === s };
  }

  /** Saves a rewrapped header (with `alongside` in the same transaction), unless the session it was made for has been locked meanwhile. */
  private saveHeader(s: UnlockedSession, header: VaultHeader, alongside?: () => void): void {
    if (this.session !== s) throw lockedMeanwhile();
    this.db!.transaction(() => {
      writeHeader(this.db!, header);
      alongside?.();
    })();
    s.header = header;
  }

  /** A consistent copy of the vault for a backup (backup/snapshot.ts says how it stays consistent). */
  snapshotTo(file: string): void {
    this.unlocked();
    snapshotDatabase(this.db!, this.file, file);
  }

  /**
   * Puts a verified, restored database in place and opens it with its master key. The current
   * vault, if any, is renamed to vault.replaced-<timestamp>.db beside it: a restore never deletes.
   */
  installRestoredVault(restoredFile: string, masterKey: MasterKey): { replacedFile: string | null } {
    // The old vault's cache would be deleted below: sealing it first would only cost time.
    this.endSession({ keepCache: false });
    this.db?.close(); // Closing checkpoints the WAL, so the renamed file is the whole old vault.
    this.db = null;
    fs.mkdirSync(this.opts.dataDir, { recursive: true, mode: 0o700 });
    let replacedFile: string | null = null;
    if (fs.existsSync(this.file)) {
      const stamp = new Date(this.opts.now()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
      replacedFile = path.join(this.opts.dataDir, `vault.replaced-${stamp}.db`);
      for (let i = 2; fs.existsSync(replacedFile); i++) replacedFile = path.join(this.opts.dataDir, `vault.replaced-${stamp}-${i}.db`);
      fs.renameSync(this.file, replacedFile);
      for (const side of ['-wal', '-shm']) if (fs.existsSync(this.file + side)) fs.renameSync(this.file + side, replacedFile + side);
    }
    try {
      removeUnlockCache(this.opts.dataDir);
      fs.chmodSync(restoredFile, 0o600);
      fs.renameSync(restoredFile, this.file);
      this.db = this.openDb();
    } catch (e) {
      // Put the old vault back so a failed install leaves the computer as it was.
      this.db?.close();
      this.db = null;
      if (replacedFile) fs.renameSync(replacedFile, this.file);
      throw e;
    }
    writeMetaNumber(this.db, 'unlock_failures', 0);
    // A restore is an authenticated step back to the backup's trail: anchors from before it no longer apply.
    this.startSession(readHeader(this.db), masterKey, { afterRestore: true });
    keepAuditAnchor(this.session!, this.opts.dataDir);
    return { replacedFile };
  }

  close(): void {
    this.lock();
    this.db?.close();
    this.db = null;
  }
}
