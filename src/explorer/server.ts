/**
 * `npm run explore [-- --port N]`: serves the explorer on 127.0.0.1. Everything it serves is
 * read or built once at start into a fixed table of routes — the page, its bundles, the baseline
 * scenario as data, the basemap, the vega builds and the font — so no request can reach any
 * other file.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { borneoBasemap } from '../report/basemap.js';
import { UserError } from '../core/errors.js';
import { parseScenario, readScenarioFile } from '../scenario/load.js';
import { bundleExplorer } from './build.js';

export const DEFAULT_PORT = 8787;
const HOST = '127.0.0.1';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const root = here('../../');
const nodeModule = (path: string) => join(root, 'node_modules', path);

interface Asset {
  type: string;
  body: string | Buffer;
}

const JS = 'text/javascript; charset=utf-8';

/** The whole site, keyed by exact path. */
async function assets(scenarioPath: string): Promise<Map<string, Asset>> {
  const data = await readScenarioFile(scenarioPath);
  parseScenario(data); // fail at start, with the schema's lines, rather than in the browser
  const bundles = await bundleExplorer();
  const html: Asset = { type: 'text/html; charset=utf-8', body: readFileSync(here('./index.html')) };
  return new Map<string, Asset>([
    ['/', html],
    ['/index.html', html],
    ['/style.css', { type: 'text/css; charset=utf-8', body: readFileSync(here('./style.css')) }],
    ['/app.js', { type: JS, body: bundles['app.js'] }],
    ['/worker.js', { type: JS, body: bundles['worker.js'] }],
    ['/scenario.json', { type: 'application/json', body: JSON.stringify(data) }],
    ['/basemap.json', { type: 'application/json', body: JSON.stringify(borneoBasemap()) }],
    ['/vendor/vega.min.js', { type: JS, body: readFileSync(nodeModule('vega/build/vega.min.js')) }],
    ['/vendor/vega-lite.min.js', { type: JS, body: readFileSync(nodeModule('vega-lite/build/vega-lite.min.js')) }],
    ['/vendor/vega-embed.min.js', { type: JS, body: readFileSync(nodeModule('vega-embed/build/vega-embed.min.js')) }],
    ['/fonts/DejaVuSans.ttf', { type: 'font/ttf', body: readFileSync(nodeModule('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')) }],
    ['/fonts/DejaVuSans-Bold.ttf', { type: 'font/ttf', body: readFileSync(nodeModule('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')) }],
  ]);
}

export interface ExplorerServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServerLimits {
  /** Time to receive a request's headers. */
  headersTimeoutMs: number;
  /** Time to receive a whole request. */
  requestTimeoutMs: number;
  /** A connection with nothing to do (before or between requests) is closed after this. */
  idleTimeoutMs: number;
  /**
   * Connections open at once, all clients together. Past it a new connection closes the oldest
   * idle one (no request in progress), so idle sockets never lock anyone out; only when every
   * connection is busy is the new one refused.
   */
  maxConnections: number;
  /** Connections open at once from one client (remote address); past it, the same, within that client's. */
  maxConnectionsPerClient: number;
}

/** Tight: the page loads a dozen files from this machine, nothing waits long. */
export const LIMITS: ServerLimits = { headersTimeoutMs: 5000, requestTimeoutMs: 10_000, idleTimeoutMs: 5000, maxConnections: 256, maxConnectionsPerClient: 32 };

/**
 * The open connections, by client, oldest first, each idle or busy: a new connection past a
 * client's bound (or past the bound of all) closes that client's (or anyone's) oldest idle
 * connection; it is refused only when all of them are busy.
 */
class Connections {
  private readonly byClient = new Map<string, Set<Socket>>();
  private readonly all = new Set<Socket>();
  private readonly busy = new WeakMap<Socket, number>();

  constructor(private readonly limits: Pick<ServerLimits, 'maxConnections' | 'maxConnectionsPerClient'>) {}

  /** Admits a new socket, making room by closing an idle one; false if there is no room. */
  admit(socket: Socket): boolean {
    const client = socket.remoteAddress ?? '?';
    let mine = this.byClient.get(client);
    if (mine && mine.size >= this.limits.maxConnectionsPerClient && !this.evict(mine)) return false;
    if (this.all.size >= this.limits.maxConnections && !this.evict(this.all)) return false;
    if (!mine) this.byClient.set(client, (mine = new Set()));
    mine.add(socket);
    this.all.add(socket);
    socket.once('close', () => {
      this.all.delete(socket);
      mine.delete(socket);
      if (!mine.size) this.byClient.delete(client);
    });
    return true;
  }

  /** A request began (+1) or ended (−1) on a socket. */
  mark(socket: Socket, delta: number): void {
    this.busy.set(socket, Math.max(0, (this.busy.get(socket) ?? 0) + delta));
  }

  /** Closes the oldest idle socket of the set (sets iterate in insertion order). */
  private evict(from: Set<Socket>): boolean {
    for (const s of from)
      if (!this.busy.get(s)) {
        s.destroy();
        this.all.delete(s);
        for (const [client, set] of this.byClient) if (set.delete(s) && !set.size) this.byClient.delete(client);
        return true;
      }
    return false;
  }
}

/** The names this server answers to (a Host check stops DNS rebinding: another site's name bound to 127.0.0.1). */
const HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * Sent with every response. The page loads only its own files; vega compiles its expressions
 * with Function ('unsafe-eval') and vega-embed adds a style element ('unsafe-inline' styles).
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/** Is the Host header this server's own name and port? */
function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^([^:]+)(?::(\d+))?$/.exec(host.toLowerCase());
  return !!m && HOSTS.has(m[1]!) && (m[2] === undefined ? port === 80 : Number(m[2]) === port);
}

export interface ServerOptions {
  /** 0 picks a free port (for tests). */
  port?: number;
  scenario?: string;
  limits?: Partial<ServerLimits>;
}

export async function startServer(opts: ServerOptions = {}): Promise<ExplorerServer> {
  const site = await assets(opts.scenario ?? join(root, 'scenarios/baseline.ts'));
  const limits = { ...LIMITS, ...opts.limits };
  const connections = new Connections(limits);
  let port = opts.port ?? DEFAULT_PORT;
  const server: Server = createServer(
    { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs), maxHeaderSize: 8192 },
    (req, res) => {
      const socket = req.socket;
      connections.mark(socket, 1);
      res.once('close', () => connections.mark(socket, -1));
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      const text = (status: number, body: string, extra: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...extra }).end(req.method === 'HEAD' ? undefined : body);
      if (!hostAllowed(req.headers.host, port)) return text(421, 'this server answers only to 127.0.0.1 and localhost\n');
      if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, 'method not allowed\n', { allow: 'GET, HEAD' });
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path === '/favicon.ico') return res.writeHead(204).end();
      const asset = site.get(path);
      if (!asset) return text(404, 'not found\n');
      res.writeHead(200, { 'content-type': asset.type });
      res.end(req.method === 'HEAD' ? undefined : asset.body);
    },
  );
  server.keepAliveTimeout = limits.idleTimeoutMs;
  // Bounded per client, and idle connections make room: not a global cap that idle sockets fill.
  server.on('connection', (socket: Socket) => {
    if (!connections.admit(socket)) socket.destroy();
  });
  // A connection that sends nothing at all is closed too.
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_PORT, HOST, () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${HOST}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Parses `--port N` / `--port=N`; anything else is a mistake reported in one line. */
export function parseArgs(argv: string[]): { port: number } | { help: true } {
  let port = DEFAULT_PORT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { help: true };
    let value: string | undefined;
    if (arg === '--port') value = argv[++i];
    else if (arg.startsWith('--port=')) value = arg.slice('--port='.length);
    else throw new UserError([`unknown argument "${arg}" (expected --port N)`]);
    if (value === undefined) throw new UserError(['--port: expected a port number']);
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535)
      throw new UserError([`--port: expected a whole number from 1 to 65535, got "${value}"`]);
    port = Number(value);
  }
  return { port };
}

async function main(): Promise<void> {
  try {
    const args = parseArgs(process.argv.slice(2));
    if ('help' in args) {
      console.log(`usage: npm run explore [-- --port N]\n\nServes the lintas explorer on http://${HOST}:${DEFAULT_PORT}/ (or port N).`);
      return;
    }
    const server = await startServer({ port: args.port });
    console.log(`lintas explorer: ${server.url}  (Ctrl-C to stop)`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { port?: number };
    if (e instanceof UserError) console.error(`lintas explore: ${e.lines.join('\nlintas explore: ')}`);
    else if (err.code === 'EADDRINUSE') console.error(`lintas explore: port ${err.port ?? ''} is already in use (try --port N)`);
    else if (err.code === 'EACCES') console.error(`lintas explore: not allowed to listen on port ${err.port ?? ''} (try --port N above 1023)`);
    else throw e;
    process.exit(2);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
