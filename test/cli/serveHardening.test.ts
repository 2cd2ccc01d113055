// `micrograd serve` as an attacker would try it: traversal in every encoding, other methods, headers on
// every answer, compression and caching, a half-sent request at Ctrl+C, and the host it binds.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback, startServer, WEB_ROOT, type RunningServer } from '../../src/cli/commands/serve.js';
import { CLI, runCli } from './runCli.js';

let running: RunningServer;
let port: number;
beforeAll(async () => {
  running = await startServer({ port: 0, host: '127.0.0.1' });
  port = Number(new URL(running.url).port);
});
afterAll(() => running.close());

/** Send one raw HTTP/1.1 request (the path exactly as given: no client normalizes it) and read the reply. */
function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { Connection: 'close', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}
interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function expectSecurityHeaders(r: Reply): void {
  expect(r.headers['x-content-type-options']).toBe('nosniff');
  expect(r.headers['content-security-policy']).toContain("default-src 'self'");
  expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

const script = (): string =>
  /src="\.\/(assets\/[^"]+\.js)"/.exec(readFileSync(join(WEB_ROOT, 'index.html'), 'utf8'))![1]!;

describe('serve: what it answers', () => {
  it('sends nosniff and the CSP on 200s, 304s, 404s and 405s alike', async () => {
    const ok = await raw('GET', '/');
    expect(ok.status).toBe(200);
    expectSecurityHeaders(ok);
    const again = await raw('GET', '/', { 'If-None-Match': String(ok.headers['etag']) });
    expect(again.status).toBe(304);
    expectSecurityHeaders(again);
    const missing = await raw('GET', '/nothing-here.js');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
  });

  it('answers POST, PUT, DELETE, PATCH and OPTIONS with 405 and the methods it allows', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await raw(method, '/index.html');
      expect(r.status, method).toBe(405);
      expect(r.headers['allow']).toBe('GET, HEAD');
      expectSecurityHeaders(r);
    }
    expect((await raw('HEAD', '/index.html')).status).toBe(200);
  });

  it('serves nothing outside the build folder, in any encoding of ..', async () => {
    const escapes = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/..%2Fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/%252e%252e/package.json',
      '/%252e%252e%252fpackage.json',
      '/..\\package.json',
      '/..%5cpackage.json',
      '/%5c..%5cpackage.json',
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/%c0%ae%c0%ae/package.json',
      '/%c0%2e%c0%2e/package.json',
      '/%e0%80%ae%e0%80%ae/package.json',
      '/.%2e/package.json',
      '/%2e./package.json',
      '/....//package.json',
      '/..;/package.json',
      '//etc/passwd',
      '/%2fetc%2fpasswd',
      '/../../../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/index.html%00.js',
      '/%00../package.json',
      '/assets/%2e%2e%5c%2e%2e%5cpackage.json',
      '/%u002e%u002e/package.json',
      '/__proto__',
      '/constructor',
      '/.git/config',
      'http://127.0.0.1/../package.json',
    ];
    for (const path of escapes) {
      const r = await raw('GET', path);
      expect([400, 404], path).toContain(r.status);
      const text = r.body.toString('latin1');
      expect(text, path).not.toContain('"name": "micrograd-ts"');
      expect(text, path).not.toContain('root:x:0:0');
    }
  });
});

describe('serve: compression and caching', () => {
  it('sends brotli or gzip as the browser accepts, each the same bytes as the plain file', async () => {
    const path = `/${script()}`;
    const plain = await raw('GET', path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await raw('GET', path, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length);
    const gz = await raw('GET', path, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    const page = await raw('GET', '/index.html', { 'Accept-Encoding': 'br' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });

  it('lets browsers keep hashed assets forever and makes them revalidate pages', async () => {
    expect((await raw('GET', `/${script()}`)).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const page of ['/', '/index.html', '/train.html']) {
      expect((await raw('GET', page)).headers['cache-control'], page).toBe('no-cache');
    }
    expect((await raw('GET', '/nope')).headers['cache-control']).toBe('no-store');
  });
});

describe('serve: the command', () => {
  it('binds 127.0.0.1 by default and stops at once on Ctrl+C, even with a half-sent request open', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/[^\s]+\//.exec(out);
        if (m !== null) resolve(m[0]);
      });
      child.once('exit', () => reject(new Error(`serve exited: ${err}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(err).toBe(''); // no warning for this machine only
    // Headers never finished: before, the server waited for this connection for a minute or more.
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    socket.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    // Well under the server's own 10 s header timeout: the close did not wait for the slow client.
    const code = await Promise.race([
      exited,
      new Promise((resolve) => setTimeout(() => resolve('still up'), 5000)),
    ]);
    if (code === 'still up') child.kill('SIGKILL');
    socket.destroy();
    expect(code).toBe(0);
  });

  it('refuses an empty --host, and warns before listening beyond this machine', () => {
    const empty = runCli(['serve', '--host', '', '--port', '0']);
    expect(empty.status).not.toBe(0);
    expect(empty.stderr).toContain('expected an address such as 127.0.0.1');
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): no machine has it, so nothing is exposed by this test.
    const other = runCli(['serve', '--host', '192.0.2.1', '--port', '0']);
    expect(other.status).toBe(1);
    expect(other.stderr).toBe(
      'warning: listening on 192.0.2.1: anyone who can reach this machine on port 0 can open the playground\n' +
        'micrograd: cannot listen on 192.0.2.1:0: no such address on this machine\n',
    );
    expect(isLoopback('127.0.0.1') && isLoopback('::1') && isLoopback('localhost')).toBe(true);
    expect(isLoopback('0.0.0.0') || isLoopback('::') || isLoopback('10.0.0.1')).toBe(false);
  });
});
