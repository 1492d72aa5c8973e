import { SHARE_BYTES } from '../crypto/shamir';
import { fromHex, keyedHash, memzero, toHex } from '../crypto/sodium';
import { fromGroups, normalizeGroups, toGroups } from '../vault/grouped-base32';
import { RECOVERY_GROUPS } from '../vault/recovery-key';

/**
 * One custodian's share as printed on their kit: "SVCS-" then 16 groups of 4 base32 characters
 * (the Recovery Key's encoding, grouped-base32.ts). The 40 bytes behind the groups:
 *
 *   version (1) ‖ split tag (3: the split id's first bytes) ‖ Shamir share (33) ‖ checksum (3)
 *
 * The prefix and the length tell a share from a Recovery Key (14 groups); the checksum catches a
 * typo and the split tag a kit from another vault or an older split, all before any key work.
 */
export const SHARE_PREFIX = 'SVCS';
export const SHARE_VERSION = 1;
const TAG_BYTES = 3;
const CHECKSUM_BYTES = 3;
const BODY_BYTES = 1 + TAG_BYTES + SHARE_BYTES;
const TEXT_BYTES = BODY_BYTES + CHECKSUM_BYTES;

function checksum(body: Uint8Array): Uint8Array {
  return keyedHash(null, body, 16).subarray(0, CHECKSUM_BYTES);
}

/** The split id's first 3 bytes, as each share of that split carries them. */
export function splitTag(splitIdHex: string): string {
  return splitIdHex.slice(0, 2 * TAG_BYTES);
}

export function encodeShare(share: Uint8Array, splitIdHex: string): string {
  const bytes = new Uint8Array(TEXT_BYTES);
  bytes[0] = SHARE_VERSION;
  bytes.set(fromHex(splitTag(splitIdHex)), 1);
  bytes.set(share, 1 + TAG_BYTES);
  bytes.set(checksum(bytes.subarray(0, BODY_BYTES)), BODY_BYTES);
  const text = `${SHARE_PREFIX}-${toGroups(bytes)}`;
  memzero(bytes);
  return text;
}

export type DecodedShare =
  | { ok: true; share: Uint8Array; tag: string }
  | { ok: false; reason: 'format' | 'checksum' | 'recovery-key' | 'version' };

/** Forgiving like the Recovery Key (case, spaces, dashes, 0/1/8); the "SVCS" prefix may be left out. */
export function decodeShare(text: string): DecodedShare {
  let clean = normalizeGroups(text);
  // Data always starts with "A" (version 1 is the byte 0x01), so a leading "SVCS" is the prefix.
  if (clean.startsWith(SHARE_PREFIX)) clean = clean.slice(SHARE_PREFIX.length);
  else if (clean.length === RECOVERY_GROUPS * 4) return { ok: false, reason: 'recovery-key' };
  const bytes = fromGroups(clean, TEXT_BYTES);
  if (!bytes) return { ok: false, reason: 'format' };
  try {
    const sum = checksum(bytes.subarray(0, BODY_BYTES));
    let same = true;
    for (let j = 0; j < CHECKSUM_BYTES; j++) if (sum[j] !== bytes[BODY_BYTES + j]) same = false;
    if (!same) return { ok: false, reason: 'checksum' };
    if (bytes[0] !== SHARE_VERSION) return { ok: false, reason: 'version' };
    return { ok: true, share: bytes.slice(1 + TAG_BYTES, BODY_BYTES), tag: toHex(bytes.subarray(1, 1 + TAG_BYTES)) };
  } finally {
    memzero(bytes);
  }
}
