import path from 'node:path';
import type { Incident } from '../../../src-shared/contract/incident';
import { writeNewFile } from '../files/durable-files';
import { VaultError } from '../errors';
import { escapeHtml as e } from '../export/export-html';

export function renderIncident(incident: Incident, exportedAt: number): string {
  const para = (text: string) => (text ? text.split(/\n{2,}/).map((p) => `<p>${e(p).replace(/\n/g, '<br>')}</p>`).join('\n') : '<p>—</p>');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Incident record ${e(incident.date)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}h2{font-size:1.05rem;margin-top:1.5rem}</style></head>
<body>
<h1>Incident record</h1>
<p>Date of the incident: <strong>${e(incident.date)}</strong><br>Recorded: ${e(new Date(incident.createdAt).toISOString())}<br>Exported: ${e(new Date(exportedAt).toISOString())}</p>
<h2>What happened</h2>
${para(incident.whatHappened)}
<h2>What was done</h2>
${para(incident.whatWasDone)}
</body>
</html>
`;
}

/**
 * Writes the record as a new HTML file in `dir`: temp file, fsync, rename, so a crash never
 * leaves half a record. The file name holds only the date and part of the id, no text.
 */
export function exportIncident(incident: Incident, dir: string, now: number): string {
  if (!path.isAbsolute(dir)) throw new VaultError('INVALID_INPUT', 'Choose a folder for the export.');
  const base = `incident-record-${incident.date}-${incident.id.slice(0, 8)}`;
  return writeNewFile(dir, base, '.html', renderIncident(incident, now));
}
