import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  createAppProtocolHandler,
  denyAllPermissions,
  denyNavigationAndWindows,
  isAllowedRequestUrl,
  isTrustedSender,
  resolveAppPath,
  type HardenableContents,
  type HardenableSession,
} from '../../../src-main/electron/security';
import { DEV_CSP } from '../../../src-main/dev/static-server';
import { tempDir } from '../../helpers/disk';

interface CspFinding { severity: number; description: string; directive: string }
interface CspEvaluatorModule {
  CspParser: new (raw: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: number) => { evaluate(): CspFinding[] };
  Version: { CSP3: number };
  Finding: { Severity: Record<'HIGH' | 'SYNTAX' | 'MEDIUM' | 'HIGH_MAYBE' | 'MEDIUM_MAYBE', number> };
}
const cspEvaluator = createRequire(import.meta.url)('@doyensec/csp-evaluator') as CspEvaluatorModule;

function evaluateCsp(raw: string): CspFinding[] {
  const parsed = new cspEvaluator.CspParser(raw);
  return new cspEvaluator.CspEvaluator(parsed.csp, cspEvaluator.Version.CSP3).evaluate();
}

describe('Content-Security-Policy', () => {
  it('has no high or medium finding in csp-evaluator', () => {
    const { HIGH, SYNTAX, MEDIUM, HIGH_MAYBE } = cspEvaluator.Finding.Severity;
    const serious = evaluateCsp(CONTENT_SECURITY_POLICY).filter((f) => [HIGH, SYNTAX, MEDIUM, HIGH_MAYBE].includes(f.severity));
    expect(serious).toEqual([]);
  });

  it('the evaluator does flag a weak policy (so the check above can fail)', () => {
    const { HIGH } = cspEvaluator.Finding.Severity;
    const weak = evaluateCsp("script-src 'self' 'unsafe-inline' https:");
    expect(weak.some((f) => f.severity === HIGH)).toBe(true);
  });

  it("allows only the app's own origin: no eval, no inline script, no remote host, no plugins", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)|https?:|wss?:|\*/);
  });

  it('is the policy of the meta tag in the renderer page (which cannot carry frame-ancestors)', () => {
    const html = fs.readFileSync(path.resolve('src-renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY_META);
    expect(CONTENT_SECURITY_POLICY).toBe(`${CONTENT_SECURITY_POLICY_META}; frame-ancestors 'none'`);
  });

  it('is the policy the preview and E2E server sends', () => {
    expect(DEV_CSP).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('app:// path resolver', () => {
  const root = path.resolve('/srv/renderer');

  it('maps our URLs to files inside the renderer build', () => {
    expect(resolveAppPath(root, 'app://sessionvault/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, APP_ENTRY_URL)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://sessionvault/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it.each([
    'app://sessionvault/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://sessionvault/..%5c..%5cwindows%5cwin.ini',
    'app://sessionvault/%2e%2e%2fsecret',
    'app://sessionvault/index.html%00.js',
    'app://sessionvault/%E0%A4%A',
    'app://evil.example/index.html',
    'app://sessionvault:8080/index.html',
    'app://user:pw@sessionvault/index.html',
    'file:///etc/passwd',
    'https://sessionvault/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it.each(['app://sessionvault/../../etc/passwd', 'app://sessionvault/%2e%2e/%2e%2e/etc/passwd', 'app://sessionvault/a/../../b'])(
    'keeps %s inside the build (the URL parser collapses the dot segments)',
    (url) => {
      const resolved = resolveAppPath(root, url);
      expect(resolved).not.toBeNull();
      expect(path.relative(root, resolved ?? '/').startsWith('..')).toBe(false);
    },
  );

  it('refuses backslash traversal with Windows path rules too', () => {
    const winRoot = 'C:\\Program Files\\SessionVault\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppPath(winRoot, 'app://sessionvault/..%5c..%5c..%5cvault.db', path.win32)).toBeNull();
    expect(resolveAppPath(winRoot, 'app://sessionvault/C:%5cUsers%5cx%5cvault.db', path.win32)).toBeNull();
    expect(resolveAppPath(winRoot, 'app://sessionvault/assets/app.js', path.win32)).toBe(`${winRoot}\\assets\\app.js`);
  });
});

describe('app:// protocol handler', () => {
  let dir: string;
  let handler: (request: Request) => Promise<Response>;
  beforeAll(() => {
    dir = tempDir('sv-proto-');
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>SessionVault</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'vault.db'), 'SECRET-OUTSIDE-THE-BUILD');
    handler = createAppProtocolHandler(rendererDir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves index.html and assets with the CSP header and a correct type', async () => {
    const page = await handler(new Request(APP_ENTRY_URL));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>SessionVault</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await handler(new Request('app://sessionvault/assets/app.js'));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('answers 404 for a file outside the build, a missing file and a directory', async () => {
    for (const url of ['app://sessionvault/..%2fvault.db', 'app://sessionvault/missing.js', 'app://sessionvault/assets']) {
      const res = await handler(new Request(url));
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('SECRET');
    }
  });

  it('refuses anything but GET', async () => {
    const res = await handler(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }));
    expect(res.status).toBe(405);
  });
});

describe('IPC sender check', () => {
  it('accepts only our page in the top frame', () => {
    expect(isTrustedSender({ url: 'app://sessionvault/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://sessionvault/index.html#/notes', parent: null })).toBe(true);
  });

  it.each([
    ['a foreign origin', { url: 'https://evil.example/', parent: null }],
    ['a look-alike host', { url: 'app://sessionvault.evil/index.html', parent: null }],
    ['a file page', { url: 'file:///home/me/index.html', parent: null }],
    ['an iframe of our own page', { url: 'app://sessionvault/index.html', parent: { url: 'app://sessionvault/' } }],
    ['a blank frame', { url: 'about:blank', parent: null }],
  ])('rejects %s', (_label, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });

  it('rejects a destroyed frame', () => {
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('request filter (no remote content)', () => {
  it('lets through app://, data: and blob: only, DevTools in development', () => {
    expect(isAllowedRequestUrl('app://sessionvault/assets/a.js', { allowDevTools: false })).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', { allowDevTools: false })).toBe(true);
    expect(isAllowedRequestUrl('blob:app://sessionvault/2b1c', { allowDevTools: false })).toBe(true);
    expect(isAllowedRequestUrl('https://example.com/pixel.gif', { allowDevTools: false })).toBe(false);
    expect(isAllowedRequestUrl('http://127.0.0.1:8080/', { allowDevTools: false })).toBe(false);
    expect(isAllowedRequestUrl('wss://example.com/', { allowDevTools: false })).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd', { allowDevTools: false })).toBe(false);
    expect(isAllowedRequestUrl('app://other/x.js', { allowDevTools: false })).toBe(false);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/x.html', { allowDevTools: false })).toBe(false);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/x.html', { allowDevTools: true })).toBe(true);
  });
});

describe('navigation, windows, webviews and permissions', () => {
  it('prevents every navigation, redirect and webview, and denies window.open', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents: HardenableContents = {
      on: (name, listener) => listeners.set(name, listener),
      setWindowOpenHandler: (h) => {
        openHandler = h;
      },
    };
    denyNavigationAndWindows(contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      listeners.get(name)?.({ preventDefault });
      expect(preventDefault, name).toHaveBeenCalledOnce();
    }
    expect(openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    let request: Parameters<HardenableSession['setPermissionRequestHandler']>[0] | undefined;
    let check: (() => boolean) | undefined;
    let device: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      setDevicePermissionHandler: (h) => (device = h),
    });
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(check?.()).toBe(false);
    expect(device?.()).toBe(false);
  });
});
