import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fsyncDir } from '../files/durable-files';
import { VaultError } from '../errors';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';
import { writeHeader, type VaultHeader } from './vault-header';

export type Db = Database.Database;

/** Application id stamped in the SQLite header ("SVLT"), so a foreign database is refused. */
export const APPLICATION_ID = 0x53564c54;

/** Durable and forgetful: full fsync on commit, deleted content overwritten. */
function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma('trusted_schema = OFF');
  // SQLite's own default of 2 MB of page cache, not this build's 16 MB: the list and the index are
  // in memory already, and every page read at unlock (heads, fingerprints, clients) would otherwise
  // stay resident — ~8 MB more at scale 2 for re-reads the OS file cache serves in microseconds.
  db.pragma('cache_size = -2000');
}

/** Creates a new, empty vault database at `file` (which must not exist). */
export function createVaultDb(file: string): Db {
  const db = new Database(file);
  try {
    applyPragmas(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, MIGRATIONS);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Writes a new vault file with its header. Built in a side file and renamed, so a crash never
 * leaves a half-made vault behind; refuses to replace a file that appeared meanwhile.
 */
export function createVaultFile(file: string, header: VaultHeader): void {
  const tmp = `${file}.creating`;
  fs.rmSync(tmp, { force: true });
  const db = createVaultDb(tmp);
  try {
    writeHeader(db, header);
    // One self-contained file before the rename: no -wal beside it holding the header.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  fs.chmodSync(tmp, 0o600);
  if (fs.existsSync(file)) {
    fs.rmSync(tmp, { force: true });
    throw new VaultError('VAULT_EXISTS', 'A vault already exists on this computer.');
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}


/**
 * Opens an existing vault, refusing files that are not ours or come from a newer version,
 * and brings older ones up to date, each migration in its own transaction.
 */
export function openVaultDb(file: string, options: { readonly?: boolean } = {}): Db {
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: true, readonly: options.readonly ?? false });
  } catch {
    throw new VaultError('IO_ERROR', 'The vault file could not be opened.');
  }
  try {
    const appId = readPragmaNumber(db, 'application_id');
    if (appId !== APPLICATION_ID) {
      throw new VaultError('VAULT_CORRUPT', 'This file is not a SessionVault vault.');
    }
    const version = readPragmaNumber(db, 'user_version');
    if (version > SCHEMA_VERSION) {
      throw new VaultError(
        'VAULT_UNSUPPORTED_VERSION',
        'This vault was written by a newer version of SessionVault. Update the app to open it.',
      );
    }
    if (!options.readonly) {
      applyPragmas(db);
      migrate(db, MIGRATIONS);
    }
    return db;
  } catch (e) {
    db.close();
    throw classifyOpenError(e);
  }
}

/** Locked or unreadable is the computer's problem (IO_ERROR); anything else means the file is damaged. */
function classifyOpenError(e: unknown): VaultError {
  if (e instanceof VaultError) return e;
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  if (/^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|READONLY|PERM|AUTH)/.test(code)) {
    return new VaultError('IO_ERROR', 'The vault file could not be opened. Close other programs using it and try again.');
  }
  if (/^SQLITE_FULL/.test(code)) return new VaultError('DISK_FULL', 'The disk is full. Free some space and try again; nothing was lost.');
  return new VaultError('VAULT_CORRUPT', 'The vault file is damaged. Restore it from a backup.');
}

function readPragmaNumber(db: Db, name: string): number {
  return db.pragma(name, { simple: true }) as number;
}

/** Runs every migration above the database's `user_version`, each in one transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    // A registry out of order would skip a step on some vaults: refuse to run it at all.
    if (i > 0 && m.version <= migrations[i - 1]!.version) throw new Error('Migrations must have strictly increasing versions.');
  });
  const current = readPragmaNumber(db, 'user_version');
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
