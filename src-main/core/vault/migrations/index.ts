import type Database from 'better-sqlite3';
import { migration001 } from './001-initial';
import { migration002 } from './002-audit';
import { migration003 } from './003-record-fingerprints';
import { migration004 } from './004-audit-trail-start';
import { migration005 } from './005-record-summaries';

export interface Migration {
  /** The `user_version` this migration brings the database to. */
  version: number;
  up(db: Database.Database): void;
}

/** One file per schema version; versions only go up (checked by a test). */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
