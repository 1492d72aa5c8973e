import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { RecordsDocument } from '../../../src-shared/contract/export';
import { careIsEmpty } from '../../../src-shared/measures/care-text';
import { clientIdentifier, consentRows, coverText, recordsTitle } from '../../../src-shared/records-text';
import { factsTable, noteBlock, pageFrame, typed } from './pdf-blocks';

/**
 * A part of the records-request PDF after the cover page. The copy is the cover followed by its
 * sections in order; a new kind of clinical record (measures, plans) adds a section here.
 */
export interface RecordsSection {
  blocks(doc: RecordsDocument): Content[];
}

function cover(doc: RecordsDocument): Content[] {
  const c = coverText(doc);
  return [
    { text: c.title, style: 'title' },
    factsTable(c.facts),
    { text: 'What this copy includes', style: 'h2' },
    { ul: c.includes, margin: [0, 0, 0, 4] },
    { text: 'What is left out, and why', style: 'h2' },
    { ul: c.leftOut },
    ...(doc.client.notes.trim() ? [{ text: 'Client details', style: 'h2' } satisfies Content, typed(doc.client.notes)] : []),
  ];
}

export const consentsSection: RecordsSection = {
  blocks: (doc) => [
    { text: 'Consents', style: 'h2', pageBreak: 'before' },
    doc.consents.length
      ? {
          table: {
            headerRows: 1,
            widths: ['auto', 'auto', 'auto', '*'],
            body: [['Consent', 'Given', 'Status', 'Form or summary'].map((h) => ({ text: h, style: 'label' })), ...consentRows(doc.consents)],
          },
          layout: 'lightHorizontalLines',
        }
      : { text: 'No consent is recorded for this client.' },
  ],
};

/** Measures (summary and score table each), then the treatment plan with the notes in this copy that addressed each goal. */
export const careSection: RecordsSection = {
  blocks: ({ care }) => careIsEmpty(care) ? [] : [
    { text: 'Measures', style: 'h2', pageBreak: 'before' },
    ...(care.measures.length
      ? care.measures.flatMap((m): Content[] => [
          { text: m.title, style: 'h3' },
          { text: m.summary, margin: [0, 0, 0, 4] },
          {
            table: { headerRows: 1, widths: m.columns.map(() => 'auto'), body: [m.columns.map((h) => ({ text: h, style: 'label' })), ...m.rows] },
            layout: 'lightHorizontalLines',
          },
        ])
      : [{ text: 'No measures are recorded for this client in these dates.' } satisfies Content]),
    { text: 'Treatment plan', style: 'h2' },
    ...(care.plan
      ? [
          { text: care.plan.version } satisfies Content,
          ...care.plan.problems.flatMap((p): Content[] => [
            { text: p.heading, style: 'h3' },
            ...p.goals.flatMap((g): Content[] => [
              { text: g.heading, bold: true, margin: [0, 6, 0, 2] },
              { ul: g.facts },
              ...(g.objectives.length ? [{ text: 'Objectives:' } satisfies Content, { ul: g.objectives } satisfies Content] : []),
              { text: `Notes that addressed this goal:${g.notes.length ? '' : ' none in this copy.'}` },
              ...(g.notes.length ? [{ ul: g.notes } satisfies Content] : []),
            ]),
          ]),
        ]
      : [{ text: 'No treatment plan is recorded for this client.' } satisfies Content]),
  ],
};

export const notesSection: RecordsSection = {
  blocks: (doc) => doc.notes.map((note) => noteBlock(note, { pageBreak: true })),
};

/** Transfer of care only: the psychotherapy notes the clinician confirmed, after the record under their own heading. */
export const psychotherapySection: RecordsSection = {
  blocks: (doc) =>
    doc.psychotherapy?.length
      ? [{ text: 'Psychotherapy notes', style: 'h2', pageBreak: 'before' }, ...doc.psychotherapy.map((note, i) => noteBlock(note, { pageBreak: i > 0 }))]
      : [],
};

export const RECORDS_SECTIONS: readonly RecordsSection[] = [consentsSection, careSection, notesSection, psychotherapySection];

/** The records-request (or transfer-of-care) copy: cover page, then each section; the client named in every page's footer. */
export function recordsPdf(doc: RecordsDocument, sections: readonly RecordsSection[] = RECORDS_SECTIONS): TDocumentDefinitions {
  return {
    ...pageFrame({
      title: recordsTitle(doc),
      ...(doc.clinician ? { author: doc.clinician.name } : {}),
      footerLeft: clientIdentifier(doc.client),
      ...(doc.clinician?.practiceName ? { headerRight: doc.clinician.practiceName } : {}),
    }),
    content: [...cover(doc), ...sections.flatMap((s) => s.blocks(doc))],
  };
}
