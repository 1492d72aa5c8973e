import type { Migration } from './index';

/**
 * v1: the header (`meta`), every revision of every record (`records`), and the current
 * revision per record (`heads`). Only ids, kinds and revision numbers are plaintext.
 */
export const migration001: Migration = {
  version: 1,
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
      CREATE TABLE records (
        id         TEXT NOT NULL,
        rev        INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        nonce      BLOB NOT NULL,
        ciphertext BLOB NOT NULL,
        PRIMARY KEY (id, rev)
      ) STRICT;
      CREATE TABLE heads (
        id   TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL,
        rev  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX heads_kind ON heads(kind);
    `);
  },
};
