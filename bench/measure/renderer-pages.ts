import fs from 'node:fs';
import path from 'node:path';

/**
 * The baselines' bare pages, written beside the built renderer so the same server serves them
 * under the same CSP (no inline script or style: behaviour is added by page.evaluate, style by
 * bare.css and the app's own stylesheet). Each does the screen's visible work and nothing else.
 */
export function writeBarePages(rendererDir: string, listRows: { title: string; line: string }[]): void {
  const index = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const appCss = /<link rel="stylesheet"[^>]*>/.exec(index)?.[0] ?? '';
  const page = (body: string, css = appCss) =>
    `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Bare</title>${css}<link rel="stylesheet" href="./bare.css"></head><body>${body}</body></html>`;
  const write = (name: string, html: string) => fs.writeFileSync(path.join(rendererDir, name), html);

  write(
    'bare.css',
    [
      '#bare-list { position: fixed; left: 0; top: 0; bottom: 0; width: 300px; overflow-y: auto; margin: 0; padding: 0; list-style: none; }',
      '#bare-list button { display: block; width: 100%; text-align: left; }',
      '#bare-pane { position: fixed; left: 300px; top: 0; right: 0; bottom: 0; overflow-y: auto; padding: 1rem; }',
      '#bare-pane p { white-space: pre-wrap; }',
      '#bare-typing { width: 800px; height: 500px; }',
    ].join('\n'),
  );
  // The unlock form's markup, static, with the app's stylesheet: what painting it costs by itself.
  write(
    'bare-unlock.html',
    page(
      '<div id="root"><main class="card narrow"><h1>SessionVault is locked</h1><form><label for="unlock-secret">Password</label>' +
        '<input id="unlock-secret" type="password" autofocus><button type="submit" disabled>Unlock</button></form>' +
        '<button type="button" class="link">Forgot your password? Use your Recovery Key</button></main></div>',
    ),
  );
  write('bare-open.html', page('<ul id="bare-list"></ul><main id="bare-pane"></main>', ''));
  write('bare-typing.html', page('<textarea id="bare-typing" aria-label="Note"></textarea>', ''));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  write(
    'bare-list.html',
    page(
      `<ul id="bare-list" aria-label="All notes">${listRows
        .map((r) => `<li><button type="button"><strong>${esc(r.title)}</strong><br>${esc(r.line)}</button></li>`)
        .join('')}</ul>`,
      '',
    ),
  );
}
