import type { Migration } from './index';

/**
 * v3: an index holding each revision's nonce beside its id and revision. Unlock checks every
 * current note against the unlock cache by nonce (unlock-cache.ts); with this index that reads
 * ~1 MB of index pages instead of one table page per note. Plaintext it adds: none new (ids,
 * revisions and nonces are already plaintext columns of `records`).
 */
export const migration003: Migration = {
  version: 3,
  up(db) {
    db.exec('CREATE INDEX records_fingerprint ON records (id, rev, nonce)');
  },
};
