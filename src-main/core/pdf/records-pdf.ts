import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { RecordsDocument } from '../../../src-shared/contract/export';
import { clientIdentifier, consentRows, coverText } from '../../../src-shared/records-text';
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

export const notesSection: RecordsSection = {
  blocks: (doc) => doc.notes.map((note) => noteBlock(note, { pageBreak: true })),
};

export const RECORDS_SECTIONS: readonly RecordsSection[] = [consentsSection, notesSection];

/** The records-request copy: cover page, then each section; the client named in every page's footer. */
export function recordsPdf(doc: RecordsDocument, sections: readonly RecordsSection[] = RECORDS_SECTIONS): TDocumentDefinitions {
  return {
    ...pageFrame({
      title: 'Client record: copy for a records request',
      ...(doc.clinician ? { author: doc.clinician.name } : {}),
      footerLeft: clientIdentifier(doc.client),
      ...(doc.clinician?.practiceName ? { headerRight: doc.clinician.practiceName } : {}),
    }),
    content: [...cover(doc), ...sections.flatMap((s) => s.blocks(doc))],
  };
}
