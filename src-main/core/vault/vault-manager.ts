import fs from 'node:fs';
import path from 'node:path';
import { calibrateKdf } from './kdf-calibration';
import { releaseKdfThread } from '../crypto/kdf-thread';
import { recordsKey as deriveRecordsKey, type MasterKey, type RecordsKey } from '../crypto/keys';
import { memzero, type KdfParams } from '../crypto/sodium';
import { VaultError } from '../errors';
import { createVaultKeys, type NewVaultKeys } from './key-hierarchy';
import { ClientsRepo } from '../clients/clients-repo';
import { NotesRepo } from '../notes/notes-repo';
import { AuditLog, type AuditEvent } from '../audit/audit-log';
import { addPending } from '../audit/audit-pending';
import { UnlockLimiter } from './rate-limit';
import { headerWithKeyFile, headerWithNewPassword, headerWithNewRecoveryKey, type RekeyContext } from './vault-rekey';
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
}

export type { Credentials };

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

  status(): { state: 'absent' | 'locked' | 'unlocked'; hasKeyFile: boolean; vaultId: string | null } {
    if (this.session) return { state: 'unlocked', hasKeyFile: this.session.header.keyFile, vaultId: this.session.header.vaultId };
    const db = this.database();
    if (!db) return { state: 'absent', hasKeyFile: false, vaultId: null };
    const header = readHeader(db);
    return { state: 'locked', hasKeyFile: header.keyFile, vaultId: header.vaultId };
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
        throw new VaultError('WRONG_CREDENTIALS', 'recoveryKey' in credentials ? WRONG_RECOVERY_KEY : wrongPassword(header));
      }
      limiter.reset();
      // Already unlocked (a second click): the credentials were checked, the session stays as it is.
      if (this.session) return memzero(mk);
      if (epoch !== this.lockEpoch) {
        memzero(mk);
        throw lockedMeanwhile();
      }
      this.startSession(header, mk);
    });
  }

  private startSession(header: VaultHeader, masterKey: MasterKey): void {
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
      const audit = new AuditLog(db, header.vaultId, masterKey, this.opts.now);
      audit.foldPending();
      this.session = { header, masterKey, recordsKey, store, clients, notes, search, audit, cacheLoaded: cachedIndex !== null };
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
      saveUnlockCache(this.opts.dataDir, s.masterKey, s.header.vaultId, { notes: s.notes.cacheEntries(), clientNames: s.clients.names(), index });
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
      else if (this.database()) addPending(this.db!, event.type, this.opts.now());
    } catch {
      // The action already happened: failing it now would be worse than one missing entry.
    }
  }

  /** The unlocked session, or VAULT_LOCKED. */
  unlocked(): UnlockedSession {
    if (!this.session) throw new VaultError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.session;
  }

  /** Zeroes every key and drops every decrypted thing held in main. */
  lock(): void {
    this.endSession({ keepCache: true });
  }

  /** Locks; the unlock cache is sealed first unless the vault is about to be replaced (restore). */
  private endSession(o: { keepCache: boolean }): void {
    this.lockEpoch++;
    const s = this.session;
    if (!s) return;
    this.session = null;
    if (o.keepCache) this.saveCache(s);
    s.notes.clear();
    s.clients.clear();
    s.search.close();
    s.audit.close();
    memzero(s.masterKey, s.recordsKey);
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

  private rekeyContext(s: UnlockedSession): RekeyContext {
    const { now, readKeyFile } = this.opts;
    const limiter = new UnlockLimiter(this.db!);
    return { header: s.header, masterKey: s.masterKey, limiter, now, readKeyFile, kdfParams: () => this.kdfParams(), stillOpen: () => this.session === s };
  }

  /** Saves a rewrapped header, unless the session it was made for has been locked meanwhile. */
  private saveHeader(s: UnlockedSession, header: VaultHeader): void {
    if (this.session !== s) throw lockedMeanwhile();
    writeHeader(this.db!, header);
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
    this.startSession(readHeader(this.db), masterKey);
    return { replacedFile };
  }

  close(): void {
    this.lock();
    this.db?.close();
    this.db = null;
  }
}
