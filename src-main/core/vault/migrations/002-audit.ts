import type { Migration } from './index';

/**
 * v2: the audit trail. One row per event: the entry sealed with the audit key and the keyed
 * BLAKE2b chain link (`mac`). Only the position (seq) is plaintext. See docs/audit-format.md.
 */
export const migration002: Migration = {
  version: 2,
  up(db) {
    db.exec(`
      CREATE TABLE audit (
        seq        INTEGER PRIMARY KEY NOT NULL,
        nonce      BLOB NOT NULL,
        ciphertext BLOB NOT NULL,
        mac        BLOB NOT NULL
      ) STRICT;
    `);
  },
};
