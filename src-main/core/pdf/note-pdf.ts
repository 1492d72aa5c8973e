import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Note } from '../../../src-shared/contract/notes';
import type { ClinicianProfile } from '../../../src-shared/contract/profile';
import { clientIdentifier, PSYCHOTHERAPY_MARK } from '../../../src-shared/records-text';
import { noteBlock, pageFrame } from './pdf-blocks';

/** One note as a document; a psychotherapy note says on its first line that it is kept apart from the record. */
export function notePdf(note: Note, client: { displayName: string; dateOfBirth?: string } | null, clinician: ClinicianProfile | null): TDocumentDefinitions {
  return {
    ...pageFrame({
      title: 'Clinical note',
      ...(clinician ? { author: clinician.name } : {}),
      footerLeft: client ? clientIdentifier(client) : 'No client',
      ...(clinician?.practiceName ? { headerRight: clinician.practiceName } : {}),
    }),
    content: [
      ...(note.isPsychotherapy ? [{ text: PSYCHOTHERAPY_MARK, style: 'draft', margin: [0, 0, 0, 8] as [number, number, number, number] }] : []),
      noteBlock(note, { pageBreak: false }),
    ],
  };
}
