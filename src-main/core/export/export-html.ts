import type { RecordsDocument } from '../../../src-shared/contract/export';
import { careIsEmpty } from '../../../src-shared/measures/care-text';
import type { Note } from '../../../src-shared/contract/notes';
import { addendumLine } from '../../../src-shared/document-text';
import {
  clientIdentifier,
  consentRows,
  coverText,
  noteFacts,
  noteHeading,
  noteSections,
  noteSignature,
  UNSIGNED_DRAFT_NOTICE,
  type Fact,
} from '../../../src-shared/records-text';

/** Every piece of text in the document goes through here: a note may contain `<script>`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const e = escapeHtml;

/** Preserves the clinician's line breaks without interpreting anything. */
function typed(text: string): string {
  return `<div class="text">${e(text)}</div>`;
}

function facts(rows: Fact[]): string {
  return `<table class="meta">\n${rows.map(([label, value]) => `<tr><th>${e(label)}</th><td>${e(value)}</td></tr>`).join('\n')}\n</table>`;
}

const STYLE = `
  body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; color: #111; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 18pt; margin: 0 0 .5rem; } h2 { font-size: 14pt; margin: 1.5rem 0 .5rem; } h3 { font-size: 12pt; margin: 1rem 0 .25rem; }
  table.meta { border-collapse: collapse; margin: .5rem 0; } table.meta th { text-align: left; padding: .1rem 1rem .1rem 0; font-weight: normal; color: #444; vertical-align: top; }
  .text { white-space: pre-wrap; overflow-wrap: anywhere; } .cover { border-bottom: 1px solid #999; padding-bottom: 1rem; }
  .note { border-top: 1px solid #bbb; padding-top: .75rem; margin-top: 1.25rem; } .status { font-style: italic; color: #333; }
  .addendum { margin: .5rem 0 .5rem 1rem; padding-left: .75rem; border-left: 3px solid #999; }
  table.draft { width: 100%; border-collapse: collapse; } table.draft thead th { text-align: left; color: #9a0000; font-weight: bold; padding-bottom: .5rem; }
  footer { margin-top: 2rem; font-size: 9pt; color: #444; }
  @media print { body { margin: 0; max-width: none; } .cover { page-break-after: always; border: 0; } .note { page-break-before: always; border: 0; } }
`;

function coverPage(doc: RecordsDocument): string {
  const c = coverText(doc);
  const list = (items: string[]) => `<ul>\n${items.map((i) => `<li>${e(i)}</li>`).join('\n')}\n</ul>`;
  return `<section class="cover">
<h1>${e(c.title)}</h1>
${facts(c.facts)}
<h2>What this copy includes</h2>
${list(c.includes)}
<h2>What is left out, and why</h2>
${list(c.leftOut)}
${doc.client.notes.trim() ? `<h2>Client details</h2>${typed(doc.client.notes)}` : ''}
</section>`;
}

function consents(doc: RecordsDocument): string {
  if (!doc.consents.length) return '<section class="consents"><h2>Consents</h2><p>No consent is recorded for this client.</p></section>';
  const rows = consentRows(doc.consents).map((cells) => `<tr>${cells.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`);
  return `<section class="consents">
<h2>Consents</h2>
<table class="meta">
<tr><th>Consent</th><th>Given</th><th>Status</th><th>Form or summary</th></tr>
${rows.join('\n')}
</table>
</section>`;
}

/** Measures (summary and score table each) and the treatment plan (goals, objectives, the notes that addressed them). */
function care(doc: RecordsDocument): string {
  const list = (items: string[]) => (items.length ? `<ul>\n${items.map((i) => `<li>${e(i)}</li>`).join('\n')}\n</ul>` : '');
  const table = (columns: string[], rows: string[][]) =>
    `<table class="meta">\n<tr>${columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr>\n${rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('\n')}\n</table>`;
  const { measures, plan } = doc.care;
  if (careIsEmpty(doc.care)) return '';
  const measuresHtml = measures.length
    ? measures.map((m) => `<h3>${e(m.title)}</h3>\n<p>${e(m.summary)}</p>\n${table(m.columns, m.rows)}`).join('\n')
    : '<p>No measures are recorded for this client in these dates.</p>';
  const planHtml = plan
    ? `<p>${e(plan.version)}</p>\n${plan.problems
        .map(
          (p) =>
            `<h3>${e(p.heading)}</h3>\n${p.goals
              .map(
                (g) =>
                  `<h4>${e(g.heading)}</h4>\n${list(g.facts)}\n${g.objectives.length ? `<p>Objectives:</p>${list(g.objectives)}` : ''}\n<p>Notes that addressed this goal:${g.notes.length ? '' : ' none in this copy.'}</p>${list(g.notes)}`,
              )
              .join('\n')}`,
        )
        .join('\n')}`
    : '<p>No treatment plan is recorded for this client.</p>';
  return `<section class="measures">\n<h2>Measures</h2>\n${measuresHtml}\n</section>\n<section class="plan">\n<h2>Treatment plan</h2>\n${planHtml}\n</section>`;
}

function noteSection(note: Note): string {
  const body = `<h2>${e(noteHeading(note))}</h2>
${facts(noteFacts(note))}
${noteSections(note).map((s) => `<h3>${e(s.label)}</h3>${typed(s.text)}`).join('\n')}
<p class="status">${e(noteSignature(note))}</p>
${note.addenda.length ? '<h3>Addenda</h3>' : ''}
${note.addenda.map((a) => `<div class="addendum"><p class="status">${e(addendumLine(a, note.templateId))}</p>${typed(a.text)}</div>`).join('\n')}`;
  // A printed draft repeats its notice at the top of every page (browsers repeat a table's thead).
  const marked = note.signed ? body : `<table class="draft"><thead><tr><th>${e(UNSIGNED_DRAFT_NOTICE)}</th></tr></thead><tbody><tr><td>${body}</td></tr></tbody></table>`;
  return `<section class="note">\n${marked}\n</section>`;
}

/**
 * The whole copy: the cover page with what is included and left out, consents, then each note oldest
 * first (and, in a transfer of care, the psychotherapy notes the clinician chose to send, under their own heading).
 */
export function renderClientRecord(doc: RecordsDocument): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Client record: ${e(doc.client.displayName)}</title>
<style>${STYLE}</style>
</head>
<body>
${coverPage(doc)}
${consents(doc)}
${care(doc)}
${doc.notes.map(noteSection).join('\n')}
${doc.psychotherapy?.length ? `<h2>Psychotherapy notes</h2>\n${doc.psychotherapy.map(noteSection).join('\n')}` : ''}
<footer>${e(clientIdentifier(doc.client))}</footer>
</body>
</html>
`;
}
