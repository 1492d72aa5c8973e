import type { Content } from 'pdfmake/interfaces';
import { chainProblemText } from '../../../src-shared/audit-labels';
import type { AuditFilter, ReadableAuditEntry } from '../../../src-shared/contract/audit';
import { countOf, documentDate, documentDateTime } from '../../../src-shared/document-text';
import type { ExportDestination } from '../export/destination';
import { localIsoDate } from '../notes/note-record';
import { pageFrame } from '../pdf/pdf-blocks';
import { renderPdf } from '../pdf/pdf-engine';
import type { UnlockedSession } from '../vault/unlocked-session';
import { readableTrail } from './audit-trail';

/** ISO 8601 with the local offset, so a spreadsheet sorts it and an auditor knows the zone. */
function isoLocal(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const zone = `${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return `${localIsoDate(ms)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${zone}`;
}

/**
 * One CSV field (RFC 4180). A field that a spreadsheet would run as a formula (a client named
 * "=HYPERLINK(…)") gets a leading apostrophe: the auditor sees the text, nothing executes.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(entries: ReadableAuditEntry[], clientName: (id: string) => string | undefined): string {
  const header = ['Entry', 'Time', 'Event', 'Description', 'Client', 'Record id', 'Detail'];
  const rows = entries.map((e) => [
    String(e.seq),
    isoLocal(e.time),
    e.type,
    e.text,
    (e.clientId && clientName(e.clientId)) ?? '',
    e.recordId ?? '',
    e.detail ?? '',
  ]);
  // CRLF and a byte-order mark: what spreadsheet programs expect of a CSV with non-ASCII names.
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function filterText(filter: AuditFilter, clientName: (id: string) => string | undefined): string {
  const parts = [
    filter.from !== undefined ? `from ${documentDate(localIsoDate(filter.from))}` : '',
    filter.to !== undefined ? `to ${documentDate(localIsoDate(filter.to))}` : '',
    filter.type ? `events of type ${filter.type}` : '',
    filter.clientId ? `about ${clientName(filter.clientId) ?? 'one client'}` : '',
  ].filter(Boolean);
  return parts.length ? `Entries ${parts.join(', ')}.` : 'Every entry.';
}

/**
 * The trail (oldest first) for an auditor, as CSV or PDF, to the chosen destination. The
 * verification result is printed with it: a reader knows whether the chain was intact.
 */
export async function exportAuditTrail(
  s: UnlockedSession,
  req: { format: 'pdf' | 'csv'; filter: AuditFilter },
  to: ExportDestination,
  now: number,
): Promise<{ path: string; entries: number }> {
  const entries = readableTrail(s, req.filter).reverse();
  const clientName = (id: string) => s.clients.nameOf(id);
  const base = `audit-trail-${localIsoDate(now)}`;
  if (req.format === 'csv') return { path: to.write(base, '.csv', auditCsv(entries, clientName)), entries: entries.length };
  const verdict = s.audit.verify();
  const content: Content[] = [
    { text: 'Audit trail', style: 'title' },
    {
      ul: [
        `Prepared on ${documentDateTime(now)}. ${filterText(req.filter, clientName)} ${countOf(entries.length, 'entry', 'entries')}, oldest first.`,
        verdict.ok
          ? `Chain check: intact. All ${countOf(verdict.entries, 'stored entry', 'stored entries')} are sealed and each is chained to the one before.`
          : `Chain check: FAILED: ${chainProblemText(verdict)} Entries from there on cannot be trusted.`,
        'Client names and note titles are looked up in the encrypted vault when the trail is read; the trail itself stores only ids.',
      ],
      margin: [0, 0, 0, 10],
    },
    {
      table: {
        headerRows: 1,
        widths: ['auto', 'auto', '*'],
        body: [
          ['Entry', 'Time', 'What happened'].map((h) => ({ text: h, style: 'label' })),
          ...entries.map((e) => [String(e.seq), { text: documentDateTime(e.time), noWrap: true }, e.text]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  const pdf = await renderPdf({ ...pageFrame({ title: 'Audit trail', footerLeft: 'SessionVault audit trail' }), content }, now);
  return { path: to.write(base, '.pdf', pdf), entries: entries.length };
}
