// `micrograd serve`: the web playground, served offline from the files built into the package.

import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import sirv from 'sirv';

/** Where `npm run build` puts the playground: dist/web at the package root (from src/ and dist/ alike). */
export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

// Defence in depth for a page that shows what people type: no inline script, no plugins, no framing.
// WebAssembly (Graphviz) needs 'wasm-unsafe-eval'; downloads and the PNG export use blob: URLs.
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; " +
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

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
  close(): Promise<void>;
}

/** Start serving; rejects with a one-line reason when the build is missing or the port cannot be used. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const root = opts.root ?? WEB_ROOT;
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`the playground is not built (no ${join(root, 'index.html')}); run npm run build first`);
  }
  const files = sirv(root, {
    etag: true,
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    },
  });
  const server = createServer((req, res) =>
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('not found\n');
    }),
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
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

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the web playground (graph stepper and training view) on this machine')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', parsePort, 5173)
    .option('--host [address]', 'listen on another address; without one, on every interface', '127.0.0.1')
    .action(async (o: { port: number; host: string | true }) => {
      const host = o.host === true ? '0.0.0.0' : o.host;
      const running = await startServer({ port: o.port, host });
      process.stdout.write(`micrograd playground: ${running.url}\n`);
      if (host === '0.0.0.0' || host === '::') {
        process.stdout.write('listening on every network interface of this machine\n');
      }
      process.stdout.write('press Ctrl+C to stop\n');
      const stop = (): void => {
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
