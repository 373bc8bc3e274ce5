/** The explorer's server: a fixed set of routes on 127.0.0.1, nothing else; `--port` checked. */
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseArgs, startServer, type ExplorerServer } from '../../src/explorer/server.js';

let server: ExplorerServer;

beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
});

/** A raw request: the path goes out exactly as written, dot segments and all. */
function get(path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('explorer server', () => {
  it('listens on 127.0.0.1', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves the page, its bundles, the scenario, the basemap and the vega builds', async () => {
    const expected: [string, string][] = [
      ['/', 'text/html'],
      ['/index.html', 'text/html'],
      ['/style.css', 'text/css'],
      ['/app.js', 'text/javascript'],
      ['/worker.js', 'text/javascript'],
      ['/scenario.json', 'application/json'],
      ['/basemap.json', 'application/json'],
      ['/vendor/vega.min.js', 'text/javascript'],
      ['/vendor/vega-lite.min.js', 'text/javascript'],
      ['/vendor/vega-embed.min.js', 'text/javascript'],
      ['/fonts/DejaVuSans.ttf', 'font/ttf'],
    ];
    for (const [path, type] of expected) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.type, path).toContain(type);
    }
    const scenario = JSON.parse((await get('/scenario.json')).body) as { name: string; crossings: unknown[] };
    expect(scenario.name).toBe('baseline');
    expect(scenario.crossings.length).toBeGreaterThan(0);
  });

  it('serves nothing outside its routes, however the path is spelled', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/src/explorer/server.ts',
      '/app.ts',
      '/node_modules/vega/package.json',
      '/vendor/../package.json',
      '//etc/passwd',
      '/index.html/',
    ])
      expect((await get(path)).status, path).toBe(404);
    expect((await get('/', 'POST')).status).toBe(405);
  });
});

describe('explore arguments', () => {
  it('takes --port N or --port=N, 8787 by default', () => {
    expect(parseArgs([])).toEqual({ port: DEFAULT_PORT });
    expect(parseArgs(['--port', '9000'])).toEqual({ port: 9000 });
    expect(parseArgs(['--port=9001'])).toEqual({ port: 9001 });
  });

  it('rejects a bad port or an unknown argument', () => {
    for (const bad of [['--port'], ['--port', 'abc'], ['--port', '0'], ['--port', '70000'], ['--port', '80.5'], ['--host', 'x']])
      expect(() => parseArgs(bad), bad.join(' ')).toThrow();
  });

  it('prints one line and exits 2 on a bad port', () => {
    const r = spawnSync('node_modules/.bin/tsx', ['src/explorer/server.ts', '--port', 'abc'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['lintas explore: --port: expected a whole number from 1 to 65535, got "abc"']);
    expect(r.stdout).toBe('');
  });
});
