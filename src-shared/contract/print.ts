import { z } from 'zod';
import { empty, id, type ChannelSpec } from './common';
import { recordsDocument, recordsRequest } from './export';
import { note } from './notes';

/**
 * Printing: the renderer lays the document out on screen with print CSS, then asks for the
 * print dialog. Asking for a note or a record to print is recorded in the audit trail, like
 * an export (a printout is a copy that leaves the app).
 */
export const printContract = {
  /** A note to print (trashed notes cannot be printed). */
  'print.note': { input: z.object({ id }).strict(), output: note },
  /** A records-request copy to print: the same selection as export.client. */
  'print.record': { input: recordsRequest, output: recordsDocument },
  /**
   * Opens the print dialog for the window. `via: 'browser'` where the app has no shell to do it
   * (the preview): the page then calls window.print() itself.
   */
  'print.page': { input: empty, output: z.object({ via: z.enum(['shell', 'browser']), printed: z.boolean() }) },
} as const satisfies Record<`print.${string}`, ChannelSpec>;
