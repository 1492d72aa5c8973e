import type { Input, Output } from '../../../src-shared/ipc';
import { api, call } from './bridge';

/** A records request: the client's record (psychotherapy notes never) as a PDF or HTML file in the chosen folder (its handle). */
export function exportClientRecord(req: Input<'export.client'>): Promise<Output<'export.client'>> {
  return call(api().export.client(req));
}

/** One note as a PDF in the chosen folder (its handle). */
export function exportNotePdf(id: string, folder: string): Promise<Output<'export.note'>> {
  return call(api().export.note({ id, folder }));
}
