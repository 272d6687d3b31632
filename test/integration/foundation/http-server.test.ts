import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHandlers } from '#core/api/handlers.ts';
import { silentLogger } from '#core/deps.ts';
import { startHttpServer, type RunningServer } from '../../../src/server/http-server.ts';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { makeOrder } from '../../helpers/factories.ts';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(rendererDir?: string) {
  const t = makeTestDb();
  const handlers = createApiHandlers(t.core, {
    version: '0.0.0-test',
    databasePath: t.path,
    keyMode: 'memory',
  });
  server = await startHttpServer({ handlers, logger: silentLogger, rendererDir });
  return { t, server };
}

function call(s: RunningServer, method: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${s.port}/api/${method}`, {
    method: 'POST',
    body,
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json', ...headers },
  });
}

/** Raw request with a chosen Host header (fetch does not allow overriding it). */
function rawGet(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('loopback HTTP API', () => {
  it('serves status.summary with the token and counts from the database', async () => {
    const { t, server: s } = await start();
    makeOrder(t.db, { status: 'open' });
    makeOrder(t.db, { status: 'paid', paidMinor: 4990 });
    const res = await call(s, 'status.summary', '{}');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      ok: boolean;
      data: { ordersTotal: number; orders: Record<string, number> };
    };
    expect(body.data.ordersTotal).toBe(2);
    expect(body.data.orders).toMatchObject({ open: 1, paid: 1 });
  });

  it('rejects a wrong token, a wrong Host header and non-POST calls', async () => {
    const { server: s } = await start();
    expect((await call(s, 'status.summary', '{}', { authorization: 'Bearer nope' })).status).toBe(401);
    expect(await rawGet(s.port, '/api/status.summary', 'evil.example:80')).toBe(421);
    const get = await fetch(`http://127.0.0.1:${s.port}/api/status.summary`, {
      headers: { authorization: `Bearer ${s.token}` },
    });
    expect(get.status).toBe(405);
  });

  it('validates input against the contract and answers errors as { code, message }', async () => {
    const { server: s } = await start();
    const bad = await call(s, 'status.summary', '{"unexpected":1}');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'API_INVALID_INPUT' } });
    const unknown = await call(s, 'no.such', '{}');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'API_UNKNOWN_METHOD' } });
    const notJson = await call(s, 'status.summary', '{');
    expect(notJson.status).toBe(400);
    const huge = await call(s, 'status.summary', JSON.stringify({ x: 'a'.repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
  });

  it('serves the renderer only after the token was presented, then by cookie, with a CSP', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Kassenwart</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const { server: s } = await start(dir);
    const origin = `http://127.0.0.1:${s.port}`;
    const refused = await fetch(`${origin}/`);
    expect(refused.status).toBe(401);
    // Shown before any UI language is known: German (the default) and English.
    const refusal = await refused.text();
    expect(refusal).toContain('Öffnen Sie die Adresse');
    expect(refusal).toContain('Open the URL');
    const page = await fetch(s.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie.split(';')[0]!;
    const asset = await fetch(`${origin}/assets/app.js`, { headers: { cookie: pair } });
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('console.log');
    expect((await fetch(`${origin}/assets/app.js`)).status).toBe(401);

    // Browsers send cookies to every port of 127.0.0.1: the cookie is named for this server and is not the
    // API token, and it never opens the API.
    expect(pair.startsWith(`kassenwart_page_${s.port}=`)).toBe(true);
    expect(pair).not.toContain(s.token);
    const byCookie = await fetch(`${origin}/api/status.summary`, {
      method: 'POST',
      headers: { cookie: pair, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(byCookie.status).toBe(401);
  });
});
