import type { Migration } from './index';

/**
 * v4: marks a vault whose audit trail has not begun (made before the trail existed, or never
 * unlocked since). Its first entry may then be something other than `vault.created`; any other
 * trail must begin with `vault.created`, so one whose every entry was deleted reads as cut, not
 * as new (docs/audit-format.md). The marker is plaintext and consumed by entry 1; it adds no data.
 */
export const migration004: Migration = {
  version: 4,
  up(db) {
    db.exec(`
      INSERT INTO meta (key, value)
      SELECT 'audit_trail_start', 'migrated'
      WHERE NOT EXISTS (SELECT 1 FROM audit) AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'audit_head');
    `);
  },
};
