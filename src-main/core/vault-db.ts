import Database from 'better-sqlite3';
import { VaultError } from './errors';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';

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
    if (e instanceof VaultError) throw e;
    throw new VaultError('VAULT_CORRUPT', 'The vault file is damaged. Restore it from a backup.');
  }
}

function readPragmaNumber(db: Db, name: string): number {
  return db.pragma(name, { simple: true }) as number;
}

/** Runs every migration above the database's `user_version`, each in one transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = readPragmaNumber(db, 'user_version');
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
