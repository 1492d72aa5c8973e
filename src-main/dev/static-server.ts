import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/** The same policy the Electron app sends: nothing but our own origin. */
export const DEV_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;

export interface StaticServerOptions {
  port?: number;
  /** First look at each request, after `guard` (the IPC bridge). */
  routes?: Route[];
  injectScript?: string;
  /** Runs before anything else: a status code refuses the request (the preview's Host/Origin check). */
  guard?: (req: http.IncomingMessage, port: number) => number | null;
  /** Where the built renderer is (tests point it at a stand-in). */
  rendererDir?: string;
}

/** The request's path, decoded; null when it is not valid percent-encoding (`GET /%`). */
function decodedPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
}

/**
 * Serves the built renderer on 127.0.0.1 only. `routes` get the first look at each request
 * (the IPC bridge); everything else is a file under the renderer folder, never outside it.
 * A malformed request gets 400 and a failing route 500: no request can stop the server.
 */
export async function startStaticServer(options: StaticServerOptions = {}): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const root = path.resolve(options.rendererDir ?? RENDERER_DIR) + path.sep;
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first.');
  }
  let port = 0;
  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const refused = options.guard?.(req, port) ?? null;
    if (refused !== null) return void res.writeHead(refused).end();
    const pathname = decodedPath(req.url);
    if (pathname === null) return void res.writeHead(400).end();
    for (const route of options.routes ?? []) if (await route(req, res)) return;
    const rel = pathname === '/' ? 'index.html' : pathname.slice(1);
    const file = path.resolve(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return void res.writeHead(404).end();
    let body: Buffer | string = fs.readFileSync(file);
    if (rel === 'index.html' && options.injectScript) {
      body = body.toString().replace('<head>', `<head><script src="./${options.injectScript}"></script>`);
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': DEV_CSP, 'cache-control': 'no-store' });
    res.end(body);
  }
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // A malformed request line (not even HTTP) is answered 400 by Node; make sure it never throws.
  server.on('clientError', (_error, socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
