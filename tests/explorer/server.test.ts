/** The explorer's server: a fixed set of routes on 127.0.0.1, nothing else; `--port` checked. */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, LIMITS, parseArgs, SECURITY_HEADERS, startServer, type ExplorerServer } from '../../src/explorer/server.js';

let server: ExplorerServer;

beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
});

/** A raw request: the path goes out exactly as written, dot segments and all. */
function get(path: string, method = 'GET', headers: Record<string, string> = {}, port = server.port, localAddress?: string): Promise<{ status: number; type: string; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false, localAddress }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body, headers: res.headers }));
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

/** Milliseconds until the server closes a connection that sends `send` and then nothing. */
function closedAfter(port: number, send = ''): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1', () => {
      if (send) socket.write(send);
    });
    socket.on('data', () => {});
    socket.on('error', () => {});
    socket.on('close', () => resolve(performance.now() - t0));
    setTimeout(() => reject(new Error('connection still open after 20 s')), 20_000).unref();
  });
}

describe('explorer server hardening', () => {
  it('sends the security headers (CSP, nosniff, no framing) on every response, whatever its status', async () => {
    const cases: [string, string, Record<string, string>, number][] = [
      ['/', 'GET', {}, 200],
      ['/app.js', 'HEAD', {}, 200],
      ['/nope', 'GET', {}, 404],
      ['/', 'POST', {}, 405],
      ['/favicon.ico', 'GET', {}, 204],
      ['/', 'GET', { host: 'evil.example:80' }, 421],
    ];
    for (const [path, method, headers, status] of cases) {
      const r = await get(path, method, headers);
      expect(r.status, `${method} ${path}`).toBe(status);
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(r.headers[k], `${k} on ${status}`).toBe(v);
    }
    expect(SECURITY_HEADERS['content-security-policy']).toContain("default-src 'self'");
    expect(SECURITY_HEADERS['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('answers only to 127.0.0.1 and localhost on its own port (no DNS rebinding)', async () => {
    expect((await get('/', 'GET', { host: `localhost:${server.port}` })).status).toBe(200);
    expect((await get('/', 'GET', { host: `127.0.0.1:${server.port}` })).status).toBe(200);
    for (const host of ['evil.example', `evil.example:${server.port}`, `localhost.evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `[::1]:${server.port}`]) {
      const r = await get('/scenario.json', 'GET', { host });
      expect(r.status, host).toBe(421);
      expect(r.body).not.toContain('baseline');
    }
    // No Host header at all (HTTP/1.0).
    const raw = await new Promise<string>((resolve) => {
      let got = '';
      const s = connect(server.port, '127.0.0.1', () => s.write('GET /scenario.json HTTP/1.0\r\n\r\n'));
      s.on('data', (c) => (got += c.toString()));
      s.on('close', () => resolve(got));
    });
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 421 Misdirected Request');
  });

  it('closes a connection that sends nothing, or only part of its headers, within seconds', async () => {
    const quick = await startServer({ port: 0, limits: { headersTimeoutMs: 1000, requestTimeoutMs: 2000, idleTimeoutMs: 1000 } });
    try {
      expect(await closedAfter(quick.port)).toBeLessThan(5000);
      expect(await closedAfter(quick.port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ')).toBeLessThan(5000);
    } finally {
      await quick.close();
    }
    expect(LIMITS.headersTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(LIMITS.idleTimeoutMs).toBeLessThanOrEqual(10_000);
  });

  it("a client's connections are bounded: past the bound its oldest idle one makes room", async () => {
    const small = await startServer({ port: 0, limits: { maxConnectionsPerClient: 3 } });
    const open: Socket[] = [];
    try {
      for (let i = 0; i < 3; i++) open.push(await idle(small.port));
      const firstClosed = new Promise<void>((done) => open[0]!.on('close', () => done()));
      expect((await get('/style.css', 'GET', {}, small.port)).status).toBe(200);
      await firstClosed;
      expect(open[2]!.destroyed).toBe(false);
    } finally {
      for (const s of open) s.destroy();
      await small.close();
    }
  });

  it('200 idle sockets lock no one out: neither their own client nor another (per client, not a global cap)', async () => {
    const busy = await startServer({ port: 0 });
    const open: Socket[] = [];
    try {
      for (let i = 0; i < 200; i++) open.push(await idle(busy.port));
      for (const localAddress of ['127.0.0.1', '127.0.0.2']) {
        const t0 = performance.now();
        expect((await get('/style.css', 'GET', {}, busy.port, localAddress)).status, localAddress).toBe(200);
        expect(performance.now() - t0, localAddress).toBeLessThan(1000);
      }
      expect(open.filter((s) => !s.destroyed).length).toBeLessThanOrEqual(LIMITS.maxConnectionsPerClient);
      expect(LIMITS.maxConnectionsPerClient).toBeGreaterThan(8);
      expect(LIMITS.maxConnections).toBeGreaterThan(LIMITS.maxConnectionsPerClient);
    } finally {
      for (const s of open) s.destroy();
      await busy.close();
    }
  });
});

/** A connection that sends nothing. */
const idle = (port: number, localAddress = '127.0.0.1') =>
  new Promise<Socket>((resolve) => {
    const s = connect({ port, host: '127.0.0.1', localAddress }, () => resolve(s));
    s.on('error', () => {});
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

  it('prints one line and exits 2 on a bad port', async () => {
    // Spawned without blocking the test runner while it starts.
    const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn('node_modules/.bin/tsx', ['src/explorer/server.ts', '--port', 'abc']);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('error', fail);
      child.on('close', (status) => done({ status, stdout, stderr }));
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['lintas explore: --port: expected a whole number from 1 to 65535, got "abc"']);
    expect(r.stdout).toBe('');
  });
});
