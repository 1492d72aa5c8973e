import type { Consent, ConsentType } from '../../../src-shared/contract/consent';
import { escapeHtml as e } from './export-html';

const LABEL: Record<ConsentType, string> = {
  treatment: 'Treatment',
  'electronic-records': 'Electronic records',
  telehealth: 'Telehealth',
  'release-of-information': 'Release of information',
};

/** The consents section of a records-request export: every consent, in force or revoked, with its dates. */
export function renderConsents(consents: Consent[]): string {
  if (!consents.length) return '<section class="consents"><h2>Consents</h2><p>No consent is recorded for this client.</p></section>';
  const rows = consents
    .map((c) => {
      const what = c.type === 'release-of-information' && c.releaseTo ? `${LABEL[c.type]} to ${c.releaseTo}` : LABEL[c.type];
      return `<tr><td>${e(what)}</td><td>${e(c.givenOn)}</td><td>${c.revokedOn ? `Revoked ${e(c.revokedOn)}` : 'In force'}</td><td>${e(c.form)}</td></tr>`;
    })
    .join('\n');
  return `<section class="consents">
<h2>Consents</h2>
<table class="meta">
<tr><th>Consent</th><th>Given</th><th>Status</th><th>Form or summary</th></tr>
${rows}
</table>
</section>`;
}
