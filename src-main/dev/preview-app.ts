import type http from 'node:http';
import type { EventName, EventPayload } from '../../src-shared/ipc';
import { constantTimeEqual, initCrypto, randomBytes, toHex } from '../core/crypto/sodium';
import type { VaultService } from '../service';
import { bridgeScript } from './bridge-bundle';
import { startStaticServer } from './static-server';

/**
 * The preview's HTTP side, separate from its start-up so tests can run it: the built renderer,
 * the bridge script carrying a per-start token, `/__ipc` and `/__events`. Only the page it served
 * may drive the vault: every request must name this server as Host (no DNS rebinding), come from
 * its own origin when a browser says where it comes from, and the two vault routes need the token.
 */
export const TOKEN_HEADER = 'x-sv-token';
const MAX_BODY = 4 * 1024 * 1024;

/** Server-sent events to every open page. */
export class PreviewEvents {
  private readonly clients = new Set<http.ServerResponse>();

  send<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const res of this.clients) res.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
  }

  attach(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.flushHeaders(); // The page's EventSource opens now, not at the first event.
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }
}

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

function sameSecret(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return constantTimeEqual(Buffer.from(given), Buffer.from(token));
}

/**
 * Host must be this server (a DNS-rebound name carries another Host); a browser's Origin, when
 * sent, must be this server's; and a browser that marks the request cross-site (a `<script src>`
 * or `<img>` on another page) is refused, so no other page can load the bridge and its token.
 */
export function previewGuard(req: http.IncomingMessage, port: number): number | null {
  const self = `127.0.0.1:${port}`;
  if (req.headers.host !== self) return 403;
  if (req.headers.origin !== undefined && req.headers.origin !== `http://${self}`) return 403;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 403;
  return null;
}

export async function startPreviewServer(o: { service: Pick<VaultService, 'invoke'>; events: PreviewEvents; port?: number; rendererDir?: string }) {
  // Per start: a page served by an earlier run (or another program that guessed a port) has no use for an old one.
  await initCrypto();
  const token = toHex(randomBytes(32));
  const script = await bridgeScript(token);
  const route = (req: http.IncomingMessage) => new URL(req.url ?? '/', 'http://127.0.0.1');
  const server = await startStaticServer({
    port: o.port,
    rendererDir: o.rendererDir,
    injectScript: '__bridge.js',
    guard: previewGuard,
    routes: [
      (req, res) => {
        if (route(req).pathname !== '/__bridge.js') return false;
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(script);
        return true;
      },
      (req, res) => {
        const url = route(req);
        if (url.pathname !== '/__events') return false;
        if (!sameSecret(url.searchParams.get('token') ?? undefined, token)) res.writeHead(403).end();
        else o.events.attach(req, res);
        return true;
      },
      async (req, res) => {
        if (route(req).pathname !== '/__ipc') return false;
        const given = req.headers[TOKEN_HEADER];
        if (req.method !== 'POST' || !sameSecret(Array.isArray(given) ? undefined : given, token)) {
          res.writeHead(403).end();
          return true;
        }
        let result: unknown;
        try {
          const { channel, input } = JSON.parse(await readBody(req)) as { channel: string; input: unknown };
          result = await o.service.invoke(channel, input);
        } catch {
          result = { ok: false, error: { code: 'INVALID_INPUT', message: 'The request was not valid.' } };
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
        return true;
      },
    ],
  });
  return { ...server, token };
}
