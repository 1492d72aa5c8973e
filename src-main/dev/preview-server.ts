// `npm run preview`: the real renderer in your browser, backed by the real core (real
// encryption, real files) through the same contract the Electron preload exposes.
// Listens on 127.0.0.1 only. The vault lives in .preview-data/ unless SV_PREVIEW_DIR is set.
// Files are chosen from the drive list or by typing a path (no OS dialog in a browser tab).
import type http from 'node:http';
import path from 'node:path';
import { createVaultService } from '../service';
import { bridgeScript } from './bridge-bundle';
import { folderDriveSource } from './folder-drives';
import { typedPathChooser } from './typed-path-chooser';
import { startStaticServer, type Route } from './static-server';

const dataDir = path.resolve(process.env.SV_PREVIEW_DIR ?? '.preview-data');
const port = Number(process.env.PORT ?? 5199);
const clients = new Set<http.ServerResponse>();

const drivesDir = process.env.SV_PREVIEW_DRIVES;
const service = await createVaultService({
  dataDir,
  // No OS dialog in a browser tab: the page shows the drive list and a typed path instead.
  fileChooser: typedPathChooser(),
  // SV_PREVIEW_DRIVES=<folder>: each folder in it shows as a plugged-in drive (for trying without a USB stick).
  driveSource: drivesDir ? folderDriveSource(path.resolve(drivesDir)) : undefined,
  onEvent: (event, payload) => {
    for (const res of clients) res.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
  },
});
const script = await bridgeScript();

const MAX_BODY = 4 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const routes: Route[] = [
  (req, res) => {
    if (req.url !== '/__bridge.js') return false;
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    return true;
  },
  (req, res) => {
    if (req.url !== '/__events') return false;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    clients.add(res);
    req.on('close', () => clients.delete(res));
    return true;
  },
  async (req, res) => {
    if (req.url !== '/__ipc' || req.method !== 'POST') return false;
    // Same-origin only: a page on another site (or a DNS-rebound name) must not drive the vault.
    const self = `127.0.0.1:${port}`;
    if (req.headers.host !== self || (req.headers.origin && req.headers.origin !== `http://${self}`)) {
      res.writeHead(403).end();
      return true;
    }
    let result: unknown;
    try {
      const { channel, input } = JSON.parse(await readBody(req)) as { channel: string; input: unknown };
      result = await service.invoke(channel, input);
    } catch {
      result = { ok: false, error: { code: 'INVALID_INPUT', message: 'The request was not valid.' } };
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    return true;
  },
];

const server = await startStaticServer({ port, routes, injectScript: '__bridge.js' });
console.log(`SessionVault preview: ${server.url}  (vault in ${dataDir}; Ctrl+C to stop)`);

function shutdown() {
  service.close();
  void server.close().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
