import type { Migration } from './index';

/**
 * v5: a small sealed summary beside the current revision of a record (a note's list entry), so
 * the first unlock without the unlock cache lists every note without reading ~40 MB of note
 * bodies first. One row per record, for its current revision only (written at lock for the notes
 * saved in the session). A table of its own, not columns of `records`: SQLite reaches a column
 * after a large blob only by walking the blob's overflow pages. Plaintext it adds: none new (ids
 * and revisions are already plaintext in `heads`). Existing notes get theirs at the first unlock
 * that reads them whole.
 */
export const migration005: Migration = {
  version: 5,
  up(db) {
    db.exec(`
      CREATE TABLE summaries (
        id     TEXT PRIMARY KEY NOT NULL,
        rev    INTEGER NOT NULL,
        nonce  BLOB NOT NULL,
        sealed BLOB NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
