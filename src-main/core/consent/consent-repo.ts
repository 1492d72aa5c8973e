import { z } from 'zod';
import { consentType, type Consent } from '../../../src-shared/contract/consent';
import type { Output, ParsedInput } from '../../../src-shared/ipc';
import type { ClientsRepo } from '../clients/clients-repo';
import { VaultError } from '../errors';
import { recordType, type RecordStore } from '../records/record-store';

/** The encrypted payload of a consent record. New fields must be optional (old records lack them). */
const storedConsent = z.object({
  clientId: z.string(),
  type: consentType,
  releaseTo: z.string().optional(),
  givenOn: z.string(),
  form: z.string(),
  revokedOn: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
type ConsentState = z.output<typeof storedConsent>;

/** Consent records (kind 'consent'). */
export const consentRecord = recordType('consent', storedConsent, 'consent record');

export type ConsentInput = ParsedInput<'consent.add'>;

/**
 * Consent records over the record store (kind 'consent'). A handful per client, so they are
 * decrypted on demand. Nothing is ever deleted: a revocation is a new revision.
 */
export class ConsentRepo {
  constructor(
    private readonly store: RecordStore,
    private readonly now: () => number,
    /** A consent belongs to a client who exists (NOT_FOUND otherwise, e.g. after a purge). */
    private readonly clients: Pick<ClientsRepo, 'assertExists'>,
  ) {}

  /** What the client view shows: every consent of the client, and whether treatment consent is in force. */
  onFile(clientId: string): Output<'consent.list'> {
    this.clients.assertExists(clientId);
    const consents = this.list(clientId);
    return { consents, treatmentOnFile: onFileForTreatment(consents) };
  }

  /** Every consent of a client, newest given first. */
  list(clientId: string): Consent[] {
    return this.all()
      .filter((c) => c.clientId === clientId)
      .sort((a, b) => (a.givenOn < b.givenOn ? 1 : a.givenOn > b.givenOn ? -1 : b.createdAt - a.createdAt));
  }

  add(input: ConsentInput): Consent {
    this.clients.assertExists(input.clientId);
    const t = this.now();
    const state: ConsentState = {
      clientId: input.clientId,
      type: input.type,
      // A named recipient only means something for a release of information.
      ...(input.type === 'release-of-information' && input.releaseTo ? { releaseTo: input.releaseTo.trim() } : {}),
      givenOn: input.givenOn,
      form: input.form.trim(),
      createdAt: t,
      updatedAt: t,
    };
    const { id, rev } = this.store.insert(consentRecord, state);
    return { id, rev, ...state };
  }

  revoke(id: string, revokedOn: string): Consent {
    const current = this.get(id);
    if (current.revokedOn !== undefined) throw new VaultError('INVALID_INPUT', 'This consent was already revoked.');
    if (revokedOn < current.givenOn) throw new VaultError('INVALID_INPUT', 'A consent cannot be revoked before the date it was given.');
    const { id: _id, rev, ...state } = current;
    const next: ConsentState = { ...state, revokedOn, updatedAt: this.now() };
    const newRev = this.store.update(id, consentRecord, rev, next);
    return { id, rev: newRev, ...next };
  }

  /** Every revision, oldest first: what was on file, and when it changed. */
  history(id: string): Consent[] {
    return this.store.revisions(id, consentRecord).map((rev) => ({ id, rev, ...this.store.getRevision(id, consentRecord, rev).payload }));
  }

  get(id: string): Consent {
    const r = this.store.get(id, consentRecord);
    return { id, rev: r.rev, ...r.payload };
  }

  /** Consents that cannot be read are left out (the store counts them as damage). */
  private all(): Consent[] {
    return this.store.loadAll(consentRecord).records.map((r) => ({ id: r.id, rev: r.rev, ...r.payload }));
  }
}

/** True when a treatment consent is on file and not revoked. */
function onFileForTreatment(consents: Consent[]): boolean {
  return consents.some((c) => c.type === 'treatment' && c.revokedOn === undefined);
}
