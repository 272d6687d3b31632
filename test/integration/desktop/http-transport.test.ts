/**
 * The renderer's HTTP transport against the real loopback server (`kassenwart serve`'s server) on an
 * encrypted temp database, and the token hand-over from the address bar.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHandlers } from '#core/api/handlers.ts';
import { silentLogger } from '#core/deps.ts';
import { ApiError } from '#shared/api.ts';
import { startHttpServer, type RunningServer } from '../../../src/server/http-server.ts';
import {
  createHttpTransport,
  createIpcTransport,
  takeAccessToken,
} from '../../../src/renderer/src/api/transport.ts';
import { makeTestDb } from '../../helpers/db.ts';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const { core } = makeTestDb();
  const handlers = createApiHandlers(core, { version: '1.0.0', databasePath: '/t.db', keyMode: 'memory' });
  server = await startHttpServer({ handlers, logger: silentLogger });
  return { server, base: `http://127.0.0.1:${server.port}` };
}

describe('createHttpTransport', () => {
  it('calls API methods with the bearer token', async () => {
    const { server: s, base } = await start();
    const api = createHttpTransport(s.token, base);
    await expect(api['app.info']({})).resolves.toEqual({
      version: '1.0.0',
      databasePath: '/t.db',
      keyMode: 'memory',
    });
    await expect(api['status.summary']({})).resolves.toMatchObject({ ordersTotal: 0, shops: 0 });
  });

  it('rejects with ApiError carrying the server code', async () => {
    const { server: s, base } = await start();
    const wrong = await createHttpTransport('wrong', base)
      ['status.summary']({})
      .catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ApiError);
    expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', message: 'Missing or wrong token.' });

    const invalid = await createHttpTransport(s.token, base)
      ['status.summary']({ extra: 1 } as unknown as Record<string, never>)
      .catch((e: unknown) => e);
    expect(invalid).toMatchObject({ code: 'API_INVALID_INPUT' });
  });

  it('reports an unreachable server as NETWORK', async () => {
    const { base } = await start();
    await server?.close();
    server = undefined;
    await expect(createHttpTransport('t', base)['status.summary']({})).rejects.toMatchObject({
      code: 'NETWORK',
    });
  });
});

describe('createIpcTransport', () => {
  it('turns the plain { code, message } from the preload into ApiError', async () => {
    // What contextBridge hands over when the preload throws its plain payload (see src/preload/index.ts).
    const bridge = {
      'status.summary': async () => {
        await Promise.resolve();
        throw { code: 'DB_WRONG_KEY', message: 'nope' };
      },
    };
    const api = createIpcTransport(bridge as unknown as Parameters<typeof createIpcTransport>[0]);
    const error = await api['status.summary']({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'DB_WRONG_KEY', message: 'nope' });
    await expect(api['app.info']({})).rejects.toMatchObject({ code: 'API_UNKNOWN_METHOD' });
  });
});

describe('takeAccessToken', () => {
  function fakeWindow(href: string) {
    const storage = new Map<string, string>();
    const replaced: string[] = [];
    const win = {
      location: { href },
      localStorage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => storage.set(k, v),
      },
      history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) },
    };
    return { win: win as unknown as Window, replaced, storage };
  }

  it('takes the token from the URL, keeps it for the origin and removes it from the address bar', () => {
    const { win, replaced, storage } = fakeWindow('http://127.0.0.1:4000/?token=abc&x=1#/orders');
    expect(takeAccessToken(win)).toBe('abc');
    expect(replaced).toEqual(['/?x=1#/orders']);
    (win.location as { href: string }).href = 'http://127.0.0.1:4000/#/orders';
    expect(takeAccessToken(win)).toBe('abc');
    // A new token (a later `serve` on the same port) replaces the stored one.
    (win.location as { href: string }).href = 'http://127.0.0.1:4000/?token=def';
    expect(takeAccessToken(win)).toBe('def');
    expect([...storage.values()]).toEqual(['def']);
  });

  it('has no token when none was ever given', () => {
    const { win, replaced } = fakeWindow('http://127.0.0.1:4000/');
    expect(takeAccessToken(win)).toBeUndefined();
    expect(replaced).toEqual([]);
  });
});
