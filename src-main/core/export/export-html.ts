import type { Client } from '../../../src-shared/contract/clients';
import { amendableParts, type Note } from '../../../src-shared/contract/notes';
import { NOTE_KIND_INFO, templateById } from '../../../src-shared/templates';
import { localIsoDate } from '../notes/note-record';

/** Every piece of text in the document goes through here: a note may contain `<script>`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const e = escapeHtml;

function dateTime(ms: number): string {
  const d = new Date(ms);
  return `${localIsoDate(ms)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Preserves the clinician's line breaks without interpreting anything. */
function paragraphs(text: string): string {
  return `<div class="text">${e(text)}</div>`;
}

/** ", amending Plan": which part of the note an addendum corrects, when it says. */
function amends(templateId: Note['templateId'], section: string | undefined): string {
  const part = section === undefined ? undefined : amendableParts(templateId).find((p) => p.key === section);
  return part ? `, amending ${e(part.label)}` : '';
}

function row(label: string, value: string | undefined): string {
  return value ? `<tr><th>${e(label)}</th><td>${e(value)}</td></tr>` : '';
}

const STYLE = `
  body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; color: #111; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 18pt; margin: 0 0 .5rem; } h2 { font-size: 14pt; margin: 1.5rem 0 .5rem; } h3 { font-size: 12pt; margin: 1rem 0 .25rem; }
  table.meta { border-collapse: collapse; margin: .5rem 0; } table.meta th { text-align: left; padding: .1rem 1rem .1rem 0; font-weight: normal; color: #444; vertical-align: top; }
  .text { white-space: pre-wrap; overflow-wrap: anywhere; } .cover { border-bottom: 1px solid #999; padding-bottom: 1rem; }
  .note { border-top: 1px solid #bbb; padding-top: .75rem; margin-top: 1.25rem; } .status { font-style: italic; color: #333; }
  .addendum { margin: .5rem 0 .5rem 1rem; padding-left: .75rem; border-left: 3px solid #999; } .notice { background: #f3f3f3; padding: .5rem .75rem; }
  @media print { body { margin: 0; max-width: none; } .cover { page-break-after: always; border: 0; } .note { page-break-inside: avoid; } .notice { background: none; border: 1px solid #999; } }
`;

function coverPage(client: Client, notes: Note[], exportedAt: number): string {
  return `<section class="cover">
<h1>Client record — copy for a records request</h1>
<table class="meta">
${row('Client', client.displayName)}
${row('Date of birth', client.dateOfBirth)}
${row('Status', client.status === 'active' ? 'Active' : 'Discharged')}
${row('Intake date', client.intakeDate)}
${row('Last contact', client.lastContactDate)}
${row('Prepared on', dateTime(exportedAt))}
${row('Notes included', String(notes.length))}
</table>
<p class="notice">This copy contains the client's designated record set kept in SessionVault: progress, intake,
treatment-plan, discharge and other clinical notes, with their addenda and signature status.
Psychotherapy notes, as defined in HIPAA 45 CFR §164.501, are kept separate from the record and
are excluded from this copy under §164.524(a)(1)(i). Notes in the trash are not included.</p>
${client.notes.trim() ? `<h2>Client details</h2>${paragraphs(client.notes)}` : ''}
</section>`;
}

function noteSection(note: Note): string {
  const template = templateById(note.templateId);
  const s = note.session;
  const fields = template.sections
    .filter((sec) => (note.fields[sec.key] ?? '').trim())
    .map((sec) => `<h3>${e(sec.label)}</h3>${paragraphs(note.fields[sec.key]!)}`)
    .join('\n');
  const addenda = note.addenda
    .map((a) => `<div class="addendum"><p class="status">Addendum, ${e(dateTime(a.createdAt))}${amends(note.templateId, a.section)}</p>${paragraphs(a.text)}</div>`)
    .join('\n');
  return `<section class="note">
<h2>${e(s.serviceDate)} — ${e(note.title.trim() || NOTE_KIND_INFO[note.kind].label)}</h2>
<table class="meta">
${row('Type', `${NOTE_KIND_INFO[note.kind].label} (${template.label})`)}
${row('Date of service', s.serviceDate + (s.startTime ? ` ${s.startTime}` : ''))}
${row('Duration', s.durationMinutes ? `${s.durationMinutes} minutes` : undefined)}
${row('Service code', s.serviceCode)}
${row('Modality', s.modality)}
${row('Attendees', s.attendees)}
${row('Risk flags', s.riskFlags.length ? s.riskFlags.join(', ') : undefined)}
</table>
<p class="status">${note.signedAt !== undefined ? `Signed ${e(dateTime(note.signedAt))}` : 'Not signed (draft)'}</p>
${fields}
${note.body.trim() ? `${template.sections.length ? '<h3>Additional notes</h3>' : ''}${paragraphs(note.body)}` : ''}
${addenda ? `<h3>Addenda</h3>${addenda}` : ''}
</section>`;
}

/** The whole export: a cover page with demographics and the exclusion notice, then each note oldest first. */
export function renderClientRecord(client: Client, notes: Note[], exportedAt: number, consentsHtml = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Client record — ${e(client.displayName)}</title>
<style>${STYLE}</style>
</head>
<body>
${coverPage(client, notes, exportedAt)}
${consentsHtml}
${notes.map(noteSection).join('\n')}
</body>
</html>
`;
}
