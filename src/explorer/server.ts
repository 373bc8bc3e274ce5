/**
 * `npm run explore [-- --port N]`: serves the explorer on 127.0.0.1. Everything it serves is
 * read or built once at start into a fixed table of routes — the page, its bundles, the baseline
 * scenario as data, the basemap, the vega builds and the font — so no request can reach any
 * other file.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
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

export interface ServerOptions {
  /** 0 picks a free port (for tests). */
  port?: number;
  scenario?: string;
}

export async function startServer(opts: ServerOptions = {}): Promise<ExplorerServer> {
  const site = await assets(opts.scenario ?? join(root, 'scenarios/baseline.ts'));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const asset = site.get(path);
    if (!asset) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_PORT, HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? DEFAULT_PORT);
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
