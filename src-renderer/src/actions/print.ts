import type { RecordsDocument, RecordsRequest } from '../../../src-shared/contract/export';
import { useApp, type PrintJob } from '../store';
import { api, call } from './bridge';
import { flushDraft } from './notes';

/** Resolves after the browser has painted what was just put in the store. */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/**
 * Lays the job out in the print view, opens the print dialog (the app's shell does it; the
 * preview asks the browser), then takes the view away again. False when the shell says the
 * dialog was cancelled; a browser does not say, so true there.
 */
async function print(job: PrintJob): Promise<boolean> {
  useApp.setState({ printJob: job });
  try {
    await painted();
    const { via, printed } = await call(api().print.page({}));
    if (via === 'shell') return printed;
    window.print();
    return true;
  } finally {
    useApp.setState({ printJob: null });
  }
}

/** Prints one note as saved, after saving what is on screen (recorded in the audit trail). */
export async function printNote(id: string): Promise<boolean> {
  await flushDraft();
  return print({ kind: 'note', note: await call(api().print.note({ id })) });
}

/** Prints a records-request copy, chosen exactly as the export chooses it (recorded in the audit trail). */
export async function printRecord(req: RecordsRequest): Promise<{ doc: RecordsDocument; printed: boolean }> {
  const doc = await call(api().print.record(req));
  return { doc, printed: await print({ kind: 'record', doc }) };
}
