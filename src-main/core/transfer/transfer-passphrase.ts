import { randomBytes } from '../crypto/sodium';
import { toGroups } from '../vault/grouped-base32';

/**
 * The passphrase of a transfer file, made by the app, shown once and read out by phone: 120
 * random bits as 6 groups of 4 lower-case base32 characters ("kq7m-2xpa-…"), typed at the age
 * prompt exactly as shown. Strong on its own; age's scrypt (2^18) makes each guess cost more.
 */
const PASSPHRASE_BYTES = 15;

export function newTransferPassphrase(): string {
  const bytes = randomBytes(PASSPHRASE_BYTES);
  const text = toGroups(bytes).toLowerCase();
  bytes.fill(0);
  return text;
}
