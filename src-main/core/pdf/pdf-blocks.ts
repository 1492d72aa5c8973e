import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Note } from '../../../src-shared/contract/notes';
import { addendumLine } from '../../../src-shared/document-text';
import { noteFacts, noteHeading, noteSections, noteSignature, UNSIGNED_DRAFT_NOTICE, type Fact } from '../../../src-shared/records-text';
import { PDF_FONT } from './pdf-engine';

/** The page, type and styles every SessionVault PDF shares, and the blocks documents are built from. */

const GREY = '#444444';

/** US Letter with ¾-inch margins; a footer on every page with `footerLeft` and "Page N of M". */
export function pageFrame(o: { title: string; author?: string; footerLeft: string; headerRight?: string }): Omit<TDocumentDefinitions, 'content'> {
  return {
    pageSize: 'LETTER',
    pageMargins: [54, 54, 54, 58],
    info: { title: o.title, ...(o.author ? { author: o.author } : {}) },
    defaultStyle: { font: PDF_FONT, fontSize: 10, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 10] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 2] },
      label: { color: GREY },
      status: { italics: true, margin: [0, 8, 0, 2] },
      small: { fontSize: 8, color: GREY },
      draft: { bold: true, fontSize: 10, color: '#9a0000' },
    },
    ...(o.headerRight
      ? { header: { text: o.headerRight, style: 'small', alignment: 'right', margin: [54, 24, 54, 0] } satisfies Content }
      : {}),
    footer: (page: number, pages: number): Content => ({
      columns: [
        { text: o.footerLeft, style: 'small' },
        { text: `Page ${page} of ${pages}`, style: 'small', alignment: 'right', width: 'auto' },
      ],
      margin: [54, 24, 54, 0],
    }),
  };
}

/** Label/value rows without borders. */
export function factsTable(facts: Fact[]): Content {
  if (!facts.length) return [];
  return {
    table: { widths: ['auto', '*'], body: facts.map(([label, value]) => [{ text: label, style: 'label' }, { text: value }]) },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 12, paddingTop: () => 1, paddingBottom: () => 1 },
    margin: [0, 0, 0, 6],
  };
}

/** The clinician's text exactly as typed: line breaks and leading spaces kept, nothing interpreted. */
export function typed(text: string): Content {
  return { text, preserveLeadingSpaces: true };
}

/**
 * Wraps a draft so that every page it lands on says so: the notice is the header row of a
 * one-column table, and pdfmake repeats header rows on each page a table continues onto.
 */
export function markedDraft(blocks: Content[]): Content {
  return {
    table: {
      headerRows: 1,
      widths: ['*'],
      body: [[{ text: UNSIGNED_DRAFT_NOTICE, style: 'draft', margin: [0, 0, 0, 6] }], ...blocks.map((b) => [b])],
    },
    layout: 'noBorders',
  };
}

/** One note: heading, session header, sections, signature line, addenda. Drafts are marked on every page. */
export function noteBlock(note: Note, o: { pageBreak: boolean }): Content {
  const blocks: Content[] = [
    { text: noteHeading(note), style: 'h2', margin: [0, 0, 0, 6] },
    factsTable(noteFacts(note)),
    ...noteSections(note).flatMap((s): Content[] => [{ text: s.label, style: 'h3' }, typed(s.text)]),
    { text: noteSignature(note), style: 'status' },
    ...(note.addenda.length ? [{ text: 'Addenda', style: 'h3' } satisfies Content] : []),
    ...note.addenda.flatMap((a): Content[] => [{ text: addendumLine(a, note.templateId), style: 'status' }, typed(a.text)]),
  ];
  const body = note.signed ? { stack: blocks } : markedDraft(blocks);
  return o.pageBreak ? { stack: [body], pageBreak: 'before' } : body;
}
