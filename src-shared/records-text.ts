import type { Consent, ConsentType } from './contract/consent';
import type { Client } from './contract/clients';
import type { RecordsDocument } from './contract/export';
import type { Note } from './contract/notes';
import type { ClinicianProfile } from './contract/profile';
import { countOf, documentDate, documentDateTime, signatureLine, signerText } from './document-text';
import { NOTE_KIND_INFO, templateById } from './templates';

/**
 * The words of a records-request copy and of a note as a document, once: the PDF and HTML
 * exports (core) and the print view (renderer) lay them out, none of them rewords them.
 */

export const UNSIGNED_DRAFT = 'UNSIGNED DRAFT';
export const UNSIGNED_DRAFT_NOTICE = 'UNSIGNED DRAFT: not signed by the clinician, not part of the finished record';
export const PSYCHOTHERAPY_MARK = 'PSYCHOTHERAPY NOTE: kept apart from the client record (45 CFR 164.501)';

export type Fact = [label: string, value: string];

/** "2 May 2025: Session 4". */
export function noteHeading(note: Note): string {
  return `${documentDate(note.session.serviceDate)}: ${note.title.trim() || NOTE_KIND_INFO[note.kind].label}`;
}

/** The session header as label/value pairs (empty values left out). */
export function noteFacts(note: Note): Fact[] {
  const s = note.session;
  const facts: [string, string | undefined][] = [
    ['Type', `${NOTE_KIND_INFO[note.kind].label} (${templateById(note.templateId).label})`],
    ['Date of service', `${documentDate(s.serviceDate)}${s.startTime ? `, ${s.startTime}` : ''}`],
    ['Duration', s.durationMinutes ? countOf(s.durationMinutes, 'minute') : undefined],
    ['Service code', s.serviceCode],
    ['Modality', s.modality],
    ['Attendees', s.attendees],
    ['Risk flags', s.riskFlags.length ? s.riskFlags.join(', ') : undefined],
  ];
  return facts.filter((f): f is Fact => Boolean(f[1]?.trim()));
}

/** The note's written parts in template order, then the free text. */
export function noteSections(note: Note): { label: string; text: string }[] {
  const template = templateById(note.templateId);
  const sections = template.sections
    .filter((sec) => (note.fields[sec.key] ?? '').trim())
    .map((sec) => ({ label: sec.label, text: note.fields[sec.key]! }));
  if (note.body.trim()) sections.push({ label: template.sections.length ? 'Additional notes' : 'Note', text: note.body });
  return sections;
}

/** The signature line, or what stands in its place on a draft. */
export function noteSignature(note: Note): string {
  return note.signedAt !== undefined ? signatureLine(note.signedAt, note.signedBy) : 'Not signed: this is an unsigned draft.';
}

/** What the footer of every page names the client by. */
export function clientIdentifier(client: Pick<Client, 'displayName' | 'dateOfBirth'>): string {
  return client.dateOfBirth ? `${client.displayName}, born ${documentDate(client.dateOfBirth)}` : client.displayName;
}

/** "Dana Reyes, LCSW, CA license 12345, NPI 1234567893". */
export function clinicianLine(p: ClinicianProfile): string {
  return `${signerText(p)}${p.npi ? `, NPI ${p.npi}` : ''}`;
}

/** Practice, address and phone, one per line, as the document shows them under the clinician. */
export function practiceLines(p: ClinicianProfile): string[] {
  return [p.practiceName, p.address, p.phone ? `Phone ${p.phone}` : undefined].filter((l): l is string => Boolean(l?.trim()));
}

export interface CoverText {
  title: string;
  facts: Fact[];
  includes: string[];
  leftOut: string[];
}

function rangeText(doc: RecordsDocument): string {
  const dates = doc.notes.map((n) => n.session.serviceDate).sort();
  if (doc.from || doc.to) {
    const from = doc.from ? documentDate(doc.from) : 'the first note';
    const to = doc.to ? documentDate(doc.to) : 'the latest note';
    return `${from} to ${to} (as requested)`;
  }
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (!first || !last) return 'All dates (no notes)';
  return first === last ? `All dates: ${documentDate(first)}` : `All dates: ${documentDate(first)} to ${documentDate(last)}`;
}

/** The document's title: a records request, or the receiving clinician's copy in a transfer of care. */
export function recordsTitle(doc: Pick<RecordsDocument, 'purpose'>): string {
  return doc.purpose === 'transfer' ? 'Client record: copy for the receiving clinician (transfer of care)' : 'Client record: copy for a records request';
}

/** The cover page: who and what, what the copy holds, and what it leaves out and why. */
export function coverText(doc: RecordsDocument): CoverText {
  const { client, counts, clinician } = doc;
  const transfer = doc.purpose === 'transfer';
  const psychotherapy = doc.psychotherapy?.length ?? 0;
  const facts: [string, string | undefined][] = [
    ['Client', client.displayName],
    ['Date of birth', client.dateOfBirth && documentDate(client.dateOfBirth)],
    ['Status', client.status === 'active' ? 'Active' : 'Discharged'],
    ['Intake date', client.intakeDate && documentDate(client.intakeDate)],
    ['Dates of service', rangeText(doc)],
    ['Prepared on', documentDateTime(doc.preparedAt)],
    ['Prepared by', clinician ? clinicianLine(clinician) : undefined],
    ...(clinician ? practiceLines(clinician).map((l, i): [string, string] => [i === 0 ? 'Practice' : '', l]) : []),
  ];
  const signed = counts.notes - counts.unsignedIncluded;
  const includes = [
    `${countOf(signed, 'signed note')} (progress, intake, treatment-plan, discharge and other clinical notes), each with its session details, signature and addenda.`,
    ...(counts.unsignedIncluded
      ? [`${countOf(counts.unsignedIncluded, 'unsigned draft')}, marked ${UNSIGNED_DRAFT} on every page: not signed by the clinician and not final.`]
      : []),
    `${countOf(doc.consents.length, 'consent')} on file, in force or revoked.`,
    ...(doc.care.measures.length ? [`Measures given (${doc.care.measures.map((m) => m.title).join(', ')}), each with its scores and trend.`] : []),
    ...(doc.care.plan ? ['The treatment plan as it stands, with the notes in this copy that addressed each goal.'] : []),
    ...(client.notes.trim() ? ['The client details kept with the record.'] : []),
    ...(psychotherapy
      ? [`${countOf(psychotherapy, 'psychotherapy note')}, which the sending clinician chose to include: at the end, under their own heading.`]
      : []),
  ];
  const leftOut = [
    // Stated whether or not there are any, and never counted: the count itself would say something.
    ...(transfer
      ? psychotherapy
        ? []
        : ['Psychotherapy notes: notes the clinician keeps apart from the record, as defined in HIPAA 45 CFR 164.501, are excluded from this copy unless the sending clinician chooses to include them.']
      : ['Psychotherapy notes: notes the clinician keeps apart from the record, as defined in HIPAA 45 CFR 164.501, are excluded from the right of access under 45 CFR 164.524(a)(1)(i).']),
    ...(counts.unsigned
      ? [`${countOf(counts.unsigned, 'unsigned draft')}: not signed by the clinician, so not part of the finished record.`]
      : []),
    ...(counts.outsideRange ? [`${countOf(counts.outsideRange, 'note')} dated outside the requested dates.`] : []),
    ...(counts.trashed ? [`${countOf(counts.trashed, 'note')} the clinician moved to the trash.`] : []),
  ];
  return {
    title: recordsTitle(doc),
    facts: facts.filter((f): f is Fact => Boolean(f[1]?.trim())),
    includes,
    leftOut,
  };
}

const CONSENT_LABEL: Record<ConsentType, string> = {
  treatment: 'Treatment',
  'electronic-records': 'Electronic records',
  telehealth: 'Telehealth',
  'release-of-information': 'Release of information',
};

/** One row per consent: what, given on, status, form or summary. */
export function consentRows(consents: Consent[]): [string, string, string, string][] {
  return consents.map((c) => [
    c.type === 'release-of-information' && c.releaseTo ? `${CONSENT_LABEL[c.type]} to ${c.releaseTo}` : CONSENT_LABEL[c.type],
    documentDate(c.givenOn),
    c.revokedOn ? `Revoked ${documentDate(c.revokedOn)}` : 'In force',
    c.form,
  ]);
}
