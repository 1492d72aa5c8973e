import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreviewEvents, startPreviewServer, TOKEN_HEADER } from '../../../src-main/dev/preview-app';
import type { VaultService } from '../../../src-main/service';
import { tempDir } from '../../helpers/disk';
import { newService } from '../../helpers/service';

let service: VaultService;
let server: Awaited<ReturnType<typeof startPreviewServer>>;
let host: string;

beforeAll(async () => {
  ({ service } = await newService());
  const rendererDir = tempDir('sv-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  server = await startPreviewServer({ service, events: new PreviewEvents(), rendererDir });
  host = `127.0.0.1:${server.port}`;
}, 60_000);
afterAll(async () => {
  await server?.close();
  service?.close();
});

interface Reply {
  status: number;
  body: string;
}

/** A raw request with exactly the headers given (fetch would not let us set Host). An event stream resolves once it opens. */
function request(pathName: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: pathName, method: o.method ?? 'GET', headers: { host, ...o.headers }, agent: false }, (res) => {
      let body = '';
      if (res.headers['content-type']?.startsWith('text/event-stream')) {
        resolve({ status: res.statusCode ?? 0, body: '' });
        return void req.destroy();
      }
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('close', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

const ipc = (channel: string, headers: Record<string, string> = {}) =>
  request('/__ipc', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ channel, input: {} }) });

describe('the preview server answers only its own page', () => {
  it('the page gets the bridge with the token in it, and with that token the vault answers', async () => {
    const page = await request('/', { headers: { 'sec-fetch-site': 'none' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="./__bridge.js">');
    const bridge = await request('/__bridge.js', { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(bridge.status).toBe(200);
    expect(bridge.body).toContain(server.token);
    const status = await ipc('vault.status', { [TOKEN_HEADER]: server.token, origin: `http://${host}` });
    expect(status.status).toBe(200);
    expect(JSON.parse(status.body)).toEqual({ ok: true, value: { state: 'absent', hasKeyFile: false, vaultId: null, recoveryKitConfirmed: null } });
  });

  it('/__ipc and /__events without the token, or with another one, get 403', async () => {
    expect((await ipc('vault.status')).status).toBe(403);
    expect((await ipc('vault.status', { [TOKEN_HEADER]: 'f'.repeat(64) })).status).toBe(403);
    expect((await request('/__events')).status).toBe(403);
    expect((await request(`/__events?token=${'0'.repeat(64)}`)).status).toBe(403);
    expect((await request(`/__events?token=${server.token}`)).status).toBe(200);
  });

  it('another Host (a DNS-rebound name) or another Origin is refused on every route, the event stream and bridge included', async () => {
    for (const route of ['/', '/__bridge.js', `/__events?token=${server.token}`]) {
      expect((await request(route, { headers: { host: `attacker.example:${server.port}` } })).status).toBe(403);
      expect((await request(route, { headers: { origin: 'https://attacker.example' } })).status).toBe(403);
    }
    expect((await ipc('vault.status', { [TOKEN_HEADER]: server.token, host: `attacker.example:${server.port}` })).status).toBe(403);
    expect((await ipc('vault.status', { [TOKEN_HEADER]: server.token, origin: 'http://localhost:1234' })).status).toBe(403);
    // Another page's <script src> (the browser marks it cross-site) cannot load the bridge and its token.
    const included = await request('/__bridge.js', { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(included.status).toBe(403);
    expect(included.body).not.toContain(server.token);
  });

  it('a malformed URL gets 400 and the server keeps answering', async () => {
    for (const bad of ['/%', '/%E0%A4%A', '/__ipc%']) expect((await request(bad)).status).toBe(400);
    // Not even an HTTP request line.
    await new Promise<void>((resolve) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.end('\x00\x01garbage\r\n\r\n'));
      socket.on('data', () => undefined);
      socket.on('close', () => resolve());
    });
    expect((await ipc('vault.status', { [TOKEN_HEADER]: server.token })).status).toBe(200);
  });

  it('a second local process without the token cannot create a vault', async () => {
    const script = `
      const http = require('node:http');
      const req = http.request({ host: '127.0.0.1', port: ${server.port}, path: '/__ipc', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => { console.log(res.statusCode); res.resume(); });
      req.end(JSON.stringify({ channel: 'vault.create', input: { password: 'a long enough password for this' } }));`;
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['-e', script], { timeout: 30_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
    expect(out.trim()).toBe('403');
    const status = await ipc('vault.status', { [TOKEN_HEADER]: server.token });
    expect(JSON.parse(status.body)).toMatchObject({ ok: true, value: { state: 'absent' } });
  });
});
