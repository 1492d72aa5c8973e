import fs from 'node:fs';
import path from 'node:path';
import type { Disclosure, TransferMethod } from '../../../src-shared/contract/transfer';
import { ageEncryptToRecipient, ageEncryptWithPassphrase, parseAgeRecipient } from '../crypto/age-file';
import { writeNewFile } from '../files/durable-files';
import { VaultError } from '../errors';
import { localIsoDate } from '../notes/note-record';
import type { UnlockedSession } from '../vault/unlocked-session';
import { DisclosureRepo } from './disclosure-repo';
import { transferDocument, type TransferSelection } from './transfer-document';
import { newTransferPassphrase } from './transfer-passphrase';

export interface TransferRequest extends TransferSelection {
  recipientName: string;
  recipientOrganisation: string;
  method: TransferMethod;
  /** The folder the clinician chose (resolved from an 'export-folder' handle). */
  dir: string;
}

export interface TransferResult {
  path: string;
  passphrase: string | null;
  disclosure: Disclosure;
}

/** A plain sentence for each way a pasted key can be wrong; never the pasted text itself. */
function recipientProblem(text: string): string {
  const t = text.trim();
  if (/^AGE-SECRET-KEY-/i.test(t)) {
    return 'That is a secret key, which must stay with its owner. Ask the receiving clinician for their public key: it starts with age1.';
  }
  if (/^(ssh-|ecdsa-)/.test(t)) return 'SSH keys are not accepted here. Ask the receiving clinician for their age public key: it starts with age1.';
  return 'That is not an age public key. Check that it was copied whole: it starts with age1 and has no spaces.';
}

/**
 * Transfer of care: the client's record for the receiving clinician as one age file, which the
 * standard `age` tool opens. The document is made and encrypted in memory (no plaintext copy is
 * written), then written under a new name in the chosen folder, and kept as a disclosure.
 */
export async function transferRecord(s: UnlockedSession, req: TransferRequest, now: number): Promise<TransferResult> {
  // The key is checked before any work, so a typo costs nothing and writes nothing.
  const publicKey = req.method.kind === 'publicKey' ? parseAgeRecipient(req.method.publicKey) : null;
  if (req.method.kind === 'publicKey' && !publicKey) throw new VaultError('INVALID_INPUT', recipientProblem(req.method.publicKey));
  if (!path.isAbsolute(req.dir)) throw new VaultError('INVALID_INPUT', 'Choose a folder for the transfer file.');

  const doc = await transferDocument(s, req, now);
  const passphrase = publicKey ? null : newTransferPassphrase();
  let sealed: Uint8Array;
  try {
    sealed = publicKey ? await ageEncryptToRecipient(doc.bytes, publicKey) : await ageEncryptWithPassphrase(doc.bytes, passphrase!);
  } finally {
    doc.bytes.fill(0);
  }
  // No client or receiver name in the file name: it shows in folder listings and mail attachments.
  const file = writeNewFile(req.dir, `client-record-${localIsoDate(now)}-${req.clientId.slice(0, 8)}`, `.${doc.format}.age`, sealed);
  let disclosure: Disclosure;
  try {
    disclosure = new DisclosureRepo(s.store).add({
      clientId: req.clientId,
      recipientName: req.recipientName,
      recipientOrganisation: req.recipientOrganisation,
      method: req.method.kind,
      ...(publicKey ? { publicKey } : {}),
      format: doc.format,
      notes: doc.notes,
      psychotherapyNotes: doc.psychotherapyNotes,
      at: now,
      by: s.custodian ? 'custodian' : 'clinician',
    });
  } catch (e) {
    // A disclosure that cannot be recorded does not happen: the file goes too.
    fs.rmSync(file, { force: true });
    throw e;
  }
  return { path: file, passphrase, disclosure };
}
