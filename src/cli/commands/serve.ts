// `micrograd serve`: the web playground, served offline from the files built into the package.

import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import sirv from 'sirv';
import { servableRange } from '../servableRange.js';

/** Where `npm run build` puts the playground: dist/web at the package root (from src/ and dist/ alike). */
export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

// Defence in depth for a page that shows what people type: no inline script, no plugins, no framing.
// WebAssembly (Graphviz) needs 'wasm-unsafe-eval'; downloads and the PNG export use blob: URLs. Sent on
// every response, 404s and 405s included.
const csp = (scriptSrc: string): string =>
  `default-src 'self'; script-src ${scriptSrc}; worker-src 'self'; style-src 'self'; ` +
  "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': csp("'self' 'wasm-unsafe-eval'"),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
// The notebook page's kernel worker runs the cells people write, which is evaluating code: its script (and
// only it) may. A worker has no page to reach: it can post messages and nothing else.
const KERNEL_WORKER = /^\/assets\/kernelWorker-[\w-]+\.js$/;
const KERNEL_CSP = csp("'self' 'wasm-unsafe-eval' 'unsafe-eval'");

// Vite names every file under assets/ by a hash of its content: a new build is a new name, so a browser
// may keep them forever. Pages keep their names and must be checked each time.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

// A client that opens a connection and sends a request slowly (or never finishes it) is dropped.
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

export interface ServeOptions {
  /** Folder holding the built playground; default WEB_ROOT. */
  root?: string;
  /** 0 picks any free port. */
  port: number;
  host: string;
}

export interface RunningServer {
  server: Server;
  /** The address to open, e.g. http://127.0.0.1:5173/ */
  url: string;
  /** Stop listening and drop open connections, half-sent requests included. */
  close(): Promise<void>;
}

/** The request handler: read-only methods, security headers always, files from `root` with caching. */
function handler(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const files = sirv(root, {
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders: (res, pathname) => {
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    },
  });
  const plain = (res: ServerResponse, status: number, text: string): void => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(`${text}\n`);
  };
  return (req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (KERNEL_WORKER.test((req.url ?? '').split('?')[0]!)) {
      res.setHeader('Content-Security-Policy', KERNEL_CSP);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      plain(res, 405, 'method not allowed: the playground is read-only');
      return;
    }
    // Checked before sirv sees it: one malformed Range header would otherwise end the whole server.
    // sirv ignores If-Range; the whole file is always a right answer to it.
    if (servableRange(req.headers.range) === undefined || req.headers['if-range'] !== undefined) {
      delete req.headers.range;
    }
    files(req, res, () => plain(res, 404, 'not found'));
  };
}

/** Start serving; rejects with a one-line reason when the build is missing or the port cannot be used. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const root = opts.root ?? WEB_ROOT;
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`the playground is not built (no ${join(root, 'index.html')}); run npm run build first`);
  }
  const server = createServer(
    { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
    handler(root),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(new Error(listenFailure(err, opts))));
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
  const urlHost = shownHost.includes(':') ? `[${shownHost}]` : shownHost;
  return {
    server,
    url: `http://${urlHost}:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // close() alone waits for every open connection, and one with a half-sent request never ends.
        server.closeAllConnections();
      }),
  };
}

function listenFailure(err: NodeJS.ErrnoException, opts: ServeOptions): string {
  const where = `${opts.host}:${opts.port}`;
  switch (err.code) {
    case 'EADDRINUSE':
      return `port ${opts.port} is already in use on ${opts.host}; choose another with --port N (0 picks a free one)`;
    case 'EACCES':
      return `not allowed to listen on ${where}; choose a port above 1023 with --port N`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot listen on ${where}: no such address on this machine`;
    default:
      return `cannot listen on ${where}: ${err.message}`;
  }
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new InvalidArgumentError(`expected a port number from 0 to 65535, got "${text}"`);
  }
  return port;
}

function parseHost(text: string): string {
  if (text.trim() === '') {
    // Node would take an empty host as "every interface" and print http://:PORT/.
    throw new InvalidArgumentError(
      'expected an address such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface), got an empty one',
    );
  }
  return text.trim();
}

/** Addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the web playground (graph stepper and training view) on this machine')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', parsePort, 5173)
    .option(
      '--host [address]',
      'listen on another address than 127.0.0.1 (without one, on every interface): others can then connect',
      parseHost,
      '127.0.0.1',
    )
    .action(async (o: { port: number; host: string | true }) => {
      const host = o.host === true ? '0.0.0.0' : o.host;
      if (!isLoopback(host)) {
        // Said before listening, so it shows even when the address cannot be used.
        const where = host === '0.0.0.0' || host === '::' ? 'every network interface' : host;
        process.stderr.write(
          `warning: listening on ${where}: anyone who can reach this machine on port ${o.port} can open the playground\n`,
        );
      }
      const running = await startServer({ port: o.port, host });
      process.stdout.write(`micrograd playground: ${running.url}\n`);
      process.stdout.write('press Ctrl+C to stop\n');
      const stop = (): void => {
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
