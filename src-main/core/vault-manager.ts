import fs from 'node:fs';
import path from 'node:path';
import { calibrateKdf } from './kdf-calibration';
import { deriveSubkey, memzero, type KdfParams, type MasterKey, type Subkey } from './crypto/sodium';
import { VaultError } from './errors';
import { createVaultKeys, rewrapPassword, rotateRecovery, unlockWithPassword, unlockWithRecoveryKey } from './key-hierarchy';
import { ClientsRepo } from './clients-repo';
import { NotesRepo } from './notes-repo';
import { ratePassword } from './password-policy';
import { secondsToWait } from './rate-limit';
import { decodeRecoveryKey, encodeRecoveryKey } from './recovery-key';
import { RecordStore } from './record-store';
import { SearchIndex } from './search-index';
import { createVaultDb, openVaultDb, type Db } from './vault-db';
import { readHeader, readMetaNumber, writeHeader, writeMetaNumber, type VaultHeader } from './vault-header';

export const VAULT_FILE = 'vault.db';

export interface VaultManagerOptions {
  dataDir: string;
  now: () => number;
  /** Tests and benchmarks only: skip calibration and use these (possibly weak) parameters. */
  dangerouslyUseKdfParams?: KdfParams;
  readKeyFile: (file: string) => Uint8Array;
}

/** What exists only while the vault is unlocked. Everything here is dropped at lock. */
export interface UnlockedSession {
  header: VaultHeader;
  masterKey: MasterKey;
  recordsKey: Subkey;
  store: RecordStore;
  clients: ClientsRepo;
  notes: NotesRepo;
  /** In-memory FTS index of decrypted notes; closed at lock. */
  search: SearchIndex;
}

export type Credentials = { password: string; keyFile?: string } | { recoveryKey: string };

const WRONG = 'The password or key file is not right. Check Caps Lock and try again.';

/** Owns the vault file and its state: absent → locked ⇄ unlocked. */
export class VaultManager {
  private db: Db | null = null;
  private session: UnlockedSession | null = null;
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

  private kdfParams(): KdfParams {
    return this.opts.dangerouslyUseKdfParams ?? calibrateKdf();
  }

  private keyFileBytes(file: string | undefined): Uint8Array | null {
    if (file === undefined) return null;
    try {
      return this.opts.readKeyFile(file);
    } catch {
      throw new VaultError('IO_ERROR', 'The key file could not be read. Check that the drive holding it is connected.');
    }
  }

  create(password: string, keyFile?: string): { recoveryKey: string; vaultId: string; createdAt: number; kdf: KdfParams } {
    if (this.database()) throw new VaultError('VAULT_EXISTS', 'A vault already exists on this computer.');
    assertStrong(password);
    const keyBytes = this.keyFileBytes(keyFile);
    const kdf = this.kdfParams();
    const { header, masterKey, recoveryKey } = createVaultKeys(password, keyBytes, kdf, this.opts.now());
    fs.mkdirSync(this.opts.dataDir, { recursive: true, mode: 0o700 });
    // Build in a side file and rename, so a crash never leaves a half-made vault behind.
    const tmp = `${this.file}.creating`;
    fs.rmSync(tmp, { force: true });
    const db = createVaultDb(tmp);
    try {
      writeHeader(db, header);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    fs.chmodSync(tmp, 0o600);
    fs.renameSync(tmp, this.file);
    this.db = openVaultDb(this.file);
    this.startSession(header, masterKey);
    const text = encodeRecoveryKey(recoveryKey);
    memzero(recoveryKey);
    return { recoveryKey: text, vaultId: header.vaultId, createdAt: header.createdAt, kdf: { opsLimit: header.kdf.opsLimit, memLimitBytes: header.kdf.memLimitBytes } };
  }

  unlock(credentials: Credentials): void {
    if (this.session) return;
    const db = this.database();
    if (!db) throw new VaultError('VAULT_ABSENT', 'There is no vault on this computer yet.');
    const header = readHeader(db);
    const now = this.opts.now();
    const failures = readMetaNumber(db, 'unlock_failures');
    const wait = secondsToWait(failures, readMetaNumber(db, 'unlock_last_failure'), now);
    if (wait > 0) {
      throw new VaultError('RATE_LIMITED', `Too many wrong attempts. Wait ${wait} seconds, then try again.`, wait);
    }
    const mk = this.unwrap(header, credentials);
    if (!mk) {
      db.transaction(() => {
        writeMetaNumber(db, 'unlock_failures', failures + 1);
        writeMetaNumber(db, 'unlock_last_failure', now);
      })();
      throw new VaultError('WRONG_CREDENTIALS', 'recoveryKey' in credentials ? 'That recovery key does not open this vault.' : WRONG);
    }
    writeMetaNumber(db, 'unlock_failures', 0);
    this.startSession(header, mk);
  }

  private unwrap(header: VaultHeader, credentials: Credentials): MasterKey | null {
    if ('recoveryKey' in credentials) {
      const decoded = decodeRecoveryKey(credentials.recoveryKey);
      if (!decoded.ok) {
        throw new VaultError(
          'WRONG_CREDENTIALS',
          decoded.reason === 'checksum'
            ? 'That recovery key has a typo. Check each group against your Recovery Kit.'
            : 'A recovery key is 14 groups of 4 letters and digits. Check your Recovery Kit.',
        );
      }
      try {
        return unlockWithRecoveryKey(header, decoded.key);
      } finally {
        memzero(decoded.key);
      }
    }
    if (header.keyFile && credentials.keyFile === undefined) {
      throw new VaultError('WRONG_CREDENTIALS', 'This vault also needs its key file. Choose the key file and try again.');
    }
    return unlockWithPassword(header, credentials.password, header.keyFile ? this.keyFileBytes(credentials.keyFile) : null);
  }

  private startSession(header: VaultHeader, masterKey: MasterKey): void {
    const db = this.db!;
    const recordsKey = deriveSubkey(masterKey, 1, 'SVrecord');
    const store = new RecordStore(db, header.vaultId, recordsKey);
    const search = new SearchIndex();
    const clients = new ClientsRepo(store, this.opts.now, search);
    const notes = new NotesRepo(store, this.opts.now, search, clients);
    this.session = { header, masterKey, recordsKey, store, clients, notes, search };
  }

  /** The unlocked session, or VAULT_LOCKED. */
  unlocked(): UnlockedSession {
    if (!this.session) throw new VaultError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.session;
  }

  /** Zeroes every key and drops every decrypted thing held in main. */
  lock(): void {
    const s = this.session;
    if (!s) return;
    this.session = null;
    s.notes.clear();
    s.clients.clear();
    s.search.close();
    memzero(s.masterKey, s.recordsKey);
  }

  changePassword(current: string, next: string, keyFile?: string): void {
    const s = this.unlocked();
    const keyBytes = this.keyFileBytes(keyFile);
    const check = unlockWithPassword(s.header, current, s.header.keyFile ? this.keyFileBytes(keyFile) : null);
    if (!check) throw new VaultError('WRONG_CREDENTIALS', 'The current password is not right.');
    memzero(check);
    assertStrong(next);
    const header = rewrapPassword(s.header, s.masterKey, next, keyBytes, this.kdfParams(), this.opts.now());
    writeHeader(this.db!, header);
    s.header = header;
  }

  rotateRecoveryKey(password: string, keyFile?: string): { recoveryKey: string; createdAt: number } {
    const s = this.unlocked();
    const check = unlockWithPassword(s.header, password, s.header.keyFile ? this.keyFileBytes(keyFile) : null);
    if (!check) throw new VaultError('WRONG_CREDENTIALS', 'The password is not right.');
    memzero(check);
    const { header, recoveryKey } = rotateRecovery(s.header, s.masterKey, this.opts.now());
    writeHeader(this.db!, header);
    s.header = header;
    const text = encodeRecoveryKey(recoveryKey);
    memzero(recoveryKey);
    return { recoveryKey: text, createdAt: header.recoveryCreatedAt };
  }

  /**
   * A consistent copy of the vault for a backup (VACUUM INTO reads one snapshot of the database).
   * The copy holds the same record-encrypted pages as vault.db, with free pages dropped.
   */
  snapshotTo(file: string): void {
    this.unlocked();
    this.db!.prepare('VACUUM INTO ?').run(file);
  }

  /**
   * Puts a verified, restored database in place and opens it with its master key. The current
   * vault, if any, is renamed to vault.replaced-<timestamp>.db beside it: a restore never deletes.
   */
  installRestoredVault(restoredFile: string, masterKey: MasterKey): { replacedFile: string | null } {
    this.lock();
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

function assertStrong(password: string): void {
  const rating = ratePassword(password);
  if (!rating.acceptable) throw new VaultError('WEAK_PASSWORD', rating.feedback);
}
