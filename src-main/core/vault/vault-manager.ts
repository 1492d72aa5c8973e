import fs from 'node:fs';
import path from 'node:path';
import { calibrateKdf } from './kdf-calibration';
import { releaseKdfThread } from '../crypto/kdf-thread';
import { copyKey, recordsKey as deriveRecordsKey, type MasterKey, type RecordsKey } from '../crypto/keys';
import { type KdfParams, memzero, scrubWasmStack } from '../crypto/sodium';
import { VaultError } from '../errors';
import { createVaultKeys, type NewVaultKeys } from './key-hierarchy';
import { ClientsRepo } from '../clients/clients-repo';
import { NotesRepo } from '../notes/notes-repo';
import { AuditLog, type AuditAnchor, type AuditEvent } from '../audit/audit-log';
import { addPending } from '../audit/audit-pending';
import { readBackupLog, updateBackupLog } from '../backup/backup-log';
import type { LockReason } from '../lock/lock-policy';
import { UnlockLimiter } from './rate-limit';
import { confirmOwner, headerWithNewPassword, headerWithNewRecoveryKey, type RekeyContext } from './vault-rekey';
import { makeCustodianSplit } from '../custodians/custodian-split';
import { isCurrentSplit, STALE_SPLIT, WRONG_SHARES } from '../custodians/custodian-open';
import { writeCustodians } from '../custodians/custodians-record';
import { withoutCustodianSlot } from './key-hierarchy';
import { encodeRecoveryKey } from './recovery-key';
import { RecordStore } from '../records/record-store';
import { SearchIndex } from '../search/search-index';
import { snapshotDatabase } from '../backup/snapshot';
import { loadUnlockCache, removeUnlockCache, saveUnlockCache } from './unlock-cache';
import { createVaultFile, openVaultDb, type Db } from './vault-db';
import {
  assertStrong,
  lockedMeanwhile,
  openMasterKey,
  readKeyFileBytes,
  WRONG_PASSWORD,
  WRONG_RECOVERY_KEY,
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
}

/** What exists only while the vault is unlocked. Everything here is dropped at lock. */
export interface UnlockedSession {
  header: VaultHeader;
  masterKey: MasterKey;
  recordsKey: RecordsKey;
  store: RecordStore;
  clients: ClientsRepo;
  notes: NotesRepo;
  /** In-memory FTS index of decrypted notes; closed at lock. */
  search: SearchIndex;
  /** The list and index came from the unlock cache (unlock-cache.ts), not from a full rebuild. */
  cacheLoaded: boolean;
  /** The hash-chained, encrypted audit trail. */
  audit: AuditLog;
  /** Opened with custodian shares: read-only, every action audited as the custodian's (service.ts gates the channels). */
  custodian: boolean;
}

export type { Credentials };

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
  /** Create, unlock and credential changes run one at a time (the rate limit counts each try). */
  private queue: Promise<unknown> = Promise.resolve();
  readonly file: string;

  constructor(private readonly opts: VaultManagerOptions) {
    this.file = path.join(opts.dataDir, VAULT_FILE);
  }

  /** Opens the vault file if there is one (without keys). */
  private database(): Db | null {
    if (!this.db && fs.existsSync(this.file)) this.db = openVaultDb(this.file);
    return this.db;
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

  /** Runs credential work one call at a time, in order, whatever the outcome of the previous one. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Makes the vault file and unlocks it. Calibration and Argon2id (~2 s) run on a worker thread. */
  create(password: string, keyFile?: string): Promise<CreatedVault> {
    return this.exclusive(async () => {
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
        this.db = openVaultDb(this.file);
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
  }

  /** Opens the vault with the password (+ key file) or the Recovery Key; failures are rate-limited. */
  unlock(credentials: Credentials): Promise<void> {
    return this.exclusive(async () => {
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
        throw new VaultError('WRONG_CREDENTIALS', 'custodianShares' in credentials ? WRONG_SHARES : 'recoveryKey' in credentials ? WRONG_RECOVERY_KEY : WRONG_PASSWORD);
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
  }

  private startSession(header: VaultHeader, masterKey: MasterKey, o: { afterRestore?: boolean; custodian?: boolean } = {}): void {
    const db = this.db!;
    const recordsKey = deriveRecordsKey(masterKey);
    let search: SearchIndex | null = null;
    try {
      const store = new RecordStore(db, header.vaultId, recordsKey);
      const cache = loadUnlockCache(this.opts.dataDir, masterKey, header.vaultId);
      const cachedIndex = cache ? SearchIndex.fromSerialized(cache.index) : null;
      cache?.index.fill(0);
      search = cachedIndex ?? new SearchIndex();
      // Renaming a client re-indexes their notes; notes are loaded after clients (they show names).
      let notes: NotesRepo | null = null;
      const clients = new ClientsRepo(store, this.opts.now, (clientId) => notes?.reindexClient(clientId));
      notes = new NotesRepo(store, this.opts.now, search, clients, cachedIndex ? cache : null);
      const cacheAnchor = cachedIndex ? (cache?.audit?.anchor ?? null) : null;
      const audit = new AuditLog(db, header.vaultId, masterKey, this.opts.now, {
        outsideAnchors: () => this.outsideAnchors(masterKey, header.vaultId, cacheAnchor),
        ignoreOutsideAnchors: o.afterRestore,
      });
      const signedByTrail = audit.open(cachedIndex ? (cache?.audit ?? null) : null);
      audit.foldPending();
      // A note the sealed trail saw signed but that reads unsigned now had its signed revisions removed.
      notes.markRolledBack(signedByTrail);
      // After the fold: what happened while locked was not the custodian's doing.
      if (o.custodian) audit.actor = 'custodian';
      this.session = { header, masterKey, recordsKey, store, clients, notes, search, audit, cacheLoaded: cachedIndex !== null, custodian: o.custodian ?? false };
    } catch (e) {
      // A vault that fails to load (damaged pages) must not leave its keys behind in memory.
      search?.close();
      memzero(masterKey, recordsKey);
      throw e;
    }
  }

  /** Seals the list and index for the next unlock, unless nothing changed since they were loaded. */
  private saveCache(s: UnlockedSession): void {
    if (s.cacheLoaded && !s.search.changed) return;
    try {
      if (!s.cacheLoaded) s.search.optimize();
      const index = s.search.serialize();
      saveUnlockCache(this.opts.dataDir, s.masterKey, s.header.vaultId, {
        notes: s.notes.cacheEntries(),
        clientNames: s.clients.names(),
        index,
        audit: s.audit.summary(),
      });
      index.fill(0);
    } catch {
      // Only a cache: the next unlock rebuilds it. A lock must never fail for it.
    }
  }

  /**
   * Records an audit event: sealed into the chain while unlocked; while locked only its type and
   * time wait in meta until the next unlock. Never throws: a failed log write must not undo or
   * block what already happened (a lock above all).
   */
  recordAudit(event: AuditEvent): void {
    try {
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

  /** Anchors of the audit trail kept outside vault.db: the backup log's, and the unlock cache's as loaded. */
  private outsideAnchors(masterKey: MasterKey, vaultId: string, cacheAnchor: AuditAnchor | null): AuditAnchor[] {
    const logged = readBackupLog(this.opts.dataDir, masterKey, vaultId).auditAnchor;
    return [logged, cacheAnchor].filter((a): a is AuditAnchor => a !== null);
  }

  /** Writes where the trail stands into the sealed backup log. Never throws: it is a second line of evidence. */
  private keepAuditAnchor(s: UnlockedSession): void {
    try {
      const anchor = s.audit.anchorToKeep();
      if (anchor) updateBackupLog(this.opts.dataDir, s.masterKey, s.header.vaultId, (log) => ({ ...log, auditAnchor: anchor }));
    } catch {
      // The trail itself is intact; only the outside evidence of its end is older.
    }
  }

  /** Locks; the unlock cache is sealed first unless the vault is about to be replaced (restore). */
  private endSession(o: { keepCache: boolean }): void {
    this.lockEpoch++;
    const s = this.session;
    if (!s) return;
    this.session = null;
    if (o.keepCache) {
      this.saveCache(s);
      this.keepAuditAnchor(s);
    }
    s.notes.clear();
    s.clients.clear();
    s.search.close();
    s.audit.close();
    memzero(s.masterKey, s.recordsKey);
    // libsodium's heap copies are wiped as they are freed (crypto/sodium.ts); its stack is scrubbed here.
    scrubWasmStack();
    // The KDF thread's memory may still hold traces of the password typed to unlock.
    releaseKdfThread();
  }

  /** Rewraps the master key under a new password (fresh salt, recalibrated KDF). No record changes. */
  changePassword(current: string, next: string, keyFile?: string): Promise<void> {
    return this.exclusive(async () => {
      const s = this.unlocked();
      this.saveHeader(s, await headerWithNewPassword(this.rekeyContext(s), current, next, keyFile));
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
      this.db = openVaultDb(this.file);
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
    this.keepAuditAnchor(this.session!);
    return { replacedFile };
  }

  close(): void {
    this.lock();
    this.db?.close();
    this.db = null;
  }
}
