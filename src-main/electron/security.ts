import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The security settings of the Electron shell, as plain values and pure functions so each can be
 * unit-tested without an Electron binary. main.ts and ipc.ts only wire them to Electron objects.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'sessionvault';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** app:// is a standard, secure origin with fetch; deliberately no bypassCSP, no CORS, no service workers. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/**
 * Strict CSP, sent as a response header on every app:// response; src-renderer/index.html carries the
 * same policy as a meta tag (a unit test keeps them equal). Only our own bundle may run: no inline
 * script, no eval, no remote origin, no plugins, no framing, no forms, no <base> hijack.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // blob: lets the page show images it generated itself (same as the renderer's meta tag); never remote.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The same policy for a `<meta>` tag, which browsers apply without `frame-ancestors` (header-only). */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

/** Headers on every app:// response. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    // The browser must not guess a script out of a data file.
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Parses a URL, or null when it is not one. */
function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for app://sessionvault/... exactly: no other host, port or credentials. */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  // Node's URL gives non-special schemes an opaque origin ('null'), so compare the parts.
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Maps an app:// request to a file inside the renderer build, or null (-> 404) when the URL is not
 * ours, cannot be decoded, or would resolve outside `rootDir` (`..`, encoded `%2e%2e%2f`, `%5c`, NUL).
 */
export function resolveAppPath(rootDir: string, requestUrl: string, pathImpl: path.PlatformPath = path): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const parsed = new URL(requestUrl);
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^[/\\]+/, '');
  const root = pathImpl.resolve(rootDir);
  const target = pathImpl.resolve(root, relative);
  const fromRoot = pathImpl.relative(root, target);
  // Outside the build dir (or on another drive on Windows): refuse before touching the disk.
  if (fromRoot === '' || fromRoot.startsWith('..') || pathImpl.isAbsolute(fromRoot)) return null;
  return target;
}

/**
 * The app:// handler: serves files of the renderer build and nothing else. GET only; anything the
 * resolver refuses, or that is not a readable file, is a 404 that names nothing.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const notFound = () => new Response('Not found', { status: 404, headers: responseHeaders('text/plain; charset=utf-8') });
  return async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405, headers: responseHeaders('text/plain; charset=utf-8') });
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) return notFound();
    try {
      const body = await fs.readFile(file);
      return new Response(new Uint8Array(body), { status: 200, headers: responseHeaders(contentTypeFor(file)) });
    } catch {
      return notFound();
    }
  };
}

/** The part of Electron's WebFrameMain the sender check needs. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** IPC is answered only for our own page in the top frame: never a subframe, a foreign or a navigated-away page. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/**
 * Which requests the session lets through: our app:// origin, in-page data:/blob:, and DevTools'
 * own pages in a development build. Everything else (http, https, ws, file…) is cancelled.
 */
export function isAllowedRequestUrl(url: string, options: { allowDevTools: boolean }): boolean {
  if (isAppUrl(url)) return true;
  // data: and blob: are created inside the page itself; they never leave the machine.
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  return options.allowDevTools && url.startsWith('devtools://');
}

/** The parts of Electron's WebContents the deny helpers touch. */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Denies every navigation, redirect, new window and webview for one WebContents (checklist 13–15). */
export function denyNavigationAndWindows(contents: HardenableContents): void {
  // The app is one page; any navigation would hand our preload (window.vault) to another document.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No new windows, and no opening links in the browser: a pasted link in a note stays text.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The parts of Electron's Session the permission helpers touch. */
export interface HardenableSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/** Denies every permission: camera, microphone, notifications, geolocation, clipboard-read, HID, USB, serial (checklist 5). */
export function denyAllPermissions(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
