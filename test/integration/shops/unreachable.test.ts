/**
 * A shop whose address leads nowhere (newcomer review R13): a connection refused on the first attempt is not retried
 * where someone waits (adding or testing a shop, a sync asked for), and its message says what, where, why and what
 * to do, once. The background scheduler keeps its retries, and logs the failure once. Against real loopback ports
 * that refuse connections; attempts are counted, never timed.
 */
import { createServer, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger, LogLevel } from '#core/deps.ts';
import { eq } from 'drizzle-orm';
import { dealerNotifications, shops } from '#core/db/schema/index.ts';
import { runCli, startCli } from '../../helpers/cli.ts';
import { connectWoo, refusedPort, setupWoo, runStates } from './support.ts';
import { ENV, freshDb } from '../cli/support.ts';

/** The global fetch, counting the attempts sent to an origin. */
function countingFetch(): { fetch: typeof fetch; attemptsTo: (origin: string) => number } {
  const urls: string[] = [];
  return {
    fetch: (input, init) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    },
    attemptsTo: (origin) => urls.filter((u) => u.startsWith(`${origin}/`)).length,
  };
}

/**
 * A loopback server that accepts connections and reads the requests but never answers (a hung shop, a proxy that holds
 * the request): `requests` counts the HTTP requests that arrived.
 */
async function silentServer(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let requests = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      requests +=
        chunk.toString('latin1').match(/^(?:GET|POST|PUT|PATCH|DELETE) \S+ HTTP\/1\.1\r$/gm)?.length ?? 0;
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests: () => requests,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
function recordingLogger(): Logger & { entries: { level: LogLevel; text: string }[] } {
  const entries: { level: LogLevel; text: string }[] = [];
  return {
    entries,
    log: (level, message, fields) => entries.push({ level, text: `${message} ${JSON.stringify(fields)}` }),
  };
}

/** What a console at the CLI's default level ('warn') shows. */
const shown = (logger: ReturnType<typeof recordingLogger>) =>
  logger.entries.filter((e) => e.level === 'warn' || e.level === 'error');

describe('a shop address that refuses connections', () => {
  it('adding the shop fails on the first attempt with one message: what, where, why, what to do', async () => {
    const counter = countingFetch();
    const logger = recordingLogger();
    const s = await setupWoo({ fetch: counter.fetch, logger });
    const url = `http://127.0.0.1:${await refusedPort()}`;
    const error = (await s.area
      .add({ system: 'woocommerce', name: 'Laden', url, credentials: { key: 'ck_x', secret: 'cs_secret_x' } })
      .catch((e: unknown) => e)) as Error & { code: string };
    expect(error.code).toBe('SHOP_UNREACHABLE');
    expect(error.message).toBe(
      `WooCommerce shop "Laden" is not reachable at ${url}: the connection was refused (ECONNREFUSED; nothing ` +
        'accepts connections at that address and port). Check the address and that the shop is online.',
    );
    expect(counter.attemptsTo(url)).toBe(1);
    expect(s.sleeps).toEqual([]);
    expect(shown(logger)).toEqual([]);
    expect(s.area.list()).toEqual([]);
  });

  it('a sync asked for fails on the first attempt and points to shop update; the scheduler retries and logs it once', async () => {
    const counter = countingFetch();
    const logger = recordingLogger();
    const s = await setupWoo({ fetch: counter.fetch, logger });
    const shop = await connectWoo(s, 'Laden');
    // The shop's address now leads nowhere: a port that refuses connections. (Not the simulator's own port closed: a
    // connection the pool kept from adding the shop would first fail as "other side closed", which is retried.)
    const url = `http://127.0.0.1:${await refusedPort()}`;
    s.db.update(shops).set({ url }).where(eq(shops.id, shop.id)).run();
    const before = counter.attemptsTo(url);

    const [asked] = await s.area.sync.runAll({ kind: 'new' });
    expect(asked).toMatchObject({ state: 'failed', error: { code: 'SHOP_UNREACHABLE' } });
    expect(asked?.error?.message).toBe(
      `WooCommerce shop "Laden" is not reachable at ${url}: the connection was refused (ECONNREFUSED; nothing ` +
        'accepts connections at that address and port). Check the address and that the shop is online. If the ' +
        'shop has moved, give its new address: kassenwart shop update "Laden" --url <new address>.',
    );
    expect(counter.attemptsTo(url) - before).toBe(1);
    expect(s.sleeps).toEqual([]);
    // The caller reports the result: nothing of it on the console besides.
    expect(shown(logger)).toEqual([]);
    expect(await s.area.test('Laden')).toMatchObject({ ok: false, code: 'SHOP_UNREACHABLE' });
    expect(counter.attemptsTo(url) - before).toBe(2);

    // The scheduler (kassenwart run, the desktop app): nobody waits, so the refusal is retried (3 retries here),
    // and the failure is logged once, without a warning per attempt.
    const scheduler = s.area.startScheduler();
    await scheduler.tick();
    await scheduler.stop();
    expect(counter.attemptsTo(url) - before).toBe(2 + 4);
    expect(s.sleeps).toEqual([1000, 2000, 4000]);
    const logged = shown(logger);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'error' });
    expect(logged[0]?.text).toContain('sync failed');
    expect(logged[0]?.text).toContain('the connection was refused (ECONNREFUSED');
    expect(runStates(s.db)).toEqual(['new:failed', 'full:failed']);
    // One notification for the failure streak.
    expect(
      s.db
        .select()
        .from(dealerNotifications)
        .all()
        .map((n) => n.kind),
    ).toEqual(['sync_failed']);
  });
});

describe('kassenwart shop add / sync against an address that refuses connections (real CLI)', () => {
  it('exits 1 with the reason printed once, on stderr, and no log lines', async () => {
    const { db } = freshDb();
    const refused = `http://127.0.0.1:${await refusedPort()}`;
    const creds = { KASSENWART_SHOP_KEY: 'ck_x', KASSENWART_SHOP_SECRET: 'cs_secret_x' };
    const add = runCli(['--db', db, 'shop', 'add', 'woocommerce', '--name', 'Laden', '--url', refused], {
      ...ENV,
      ...creds,
    });
    expect(add.status).toBe(1);
    expect(add.stdout).toBe('');
    expect(add.stderr).toBe(
      `kassenwart: WooCommerce shop "Laden" is not reachable at ${refused}: the connection was refused ` +
        '(ECONNREFUSED; nothing accepts connections at that address and port). Check the address and that the ' +
        'shop is online. (SHOP_UNREACHABLE)\n',
    );

    const sim = await startCli(['--json', 'dev', 'shop-sim', 'woocommerce', '--orders', '2']);
    const { url, credentials } = JSON.parse(sim.firstLine) as {
      url: string;
      credentials: { key: string; secret: string };
    };
    try {
      const ok = runCli(['--db', db, 'shop', 'add', 'woocommerce', '--name', 'Laden', '--url', url], {
        ...ENV,
        KASSENWART_SHOP_KEY: credentials.key,
        KASSENWART_SHOP_SECRET: credentials.secret,
      });
      expect(ok.status, ok.stderr).toBe(0);
    } finally {
      await sim.stop(); // its port refuses connections from now on
    }

    const sync = runCli(['--db', db, 'sync'], ENV);
    expect(sync.status).toBe(1);
    expect(sync.stdout).toBe('Laden: failed (SHOP_UNREACHABLE); the reason is below\n');
    expect(sync.stderr.split('\n')).toEqual([
      `kassenwart: Sync of "Laden" failed: WooCommerce shop "Laden" is not reachable at ${url}: the connection was ` +
        'refused (ECONNREFUSED; nothing accepts connections at that address and port). Check the address and that ' +
        'the shop is online. If the shop has moved, give its new address: kassenwart shop update "Laden" --url ' +
        '<new address>. (SHOP_UNREACHABLE)',
      '',
    ]);

    const json = runCli(['--db', db, '--json', 'sync'], ENV);
    expect(json.status).toBe(1);
    const [run] = JSON.parse(json.stdout) as { state: string; error: { code: string } }[];
    expect(run).toMatchObject({ state: 'failed', error: { code: 'SHOP_UNREACHABLE' } });
    expect(json.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'SHOP_UNREACHABLE' } });
  });
});

describe('a shop that accepts the connection and never answers', () => {
  // A real timeout, short: nothing ever answers, so it cannot end a request the shop would have answered.
  const timeoutMs = 150;
  let silent: Awaited<ReturnType<typeof silentServer>>;
  beforeEach(async () => {
    silent = await silentServer();
  });
  afterEach(() => silent.close());

  const noAnswer = (name: string, url: string, hint = '') =>
    `WooCommerce shop "${name}" did not answer within ${timeoutMs} ms at ${url} (the shop's ` +
    'server may be overloaded or hanging, or a proxy or firewall holds the request). ' +
    `Check that the shop's website opens in a browser, then try again.${hint}`;
  const moved = (name: string) =>
    ` If the shop has moved, give its new address: kassenwart shop update "${name}" --url <new address>.`;

  it('adding, updating, testing and syncing the shop each give up after one attempt, with one message saying so', async () => {
    const logger = recordingLogger();
    const s = await setupWoo({ timeoutMs, logger });
    const credentials = { key: s.sim.consumerKey, secret: s.sim.consumerSecret };

    const added = (await s.area
      .add({ system: 'woocommerce', name: 'Neu', url: silent.url, credentials })
      .catch((e: unknown) => e)) as Error & { code: string };
    expect(added).toMatchObject({ code: 'SHOP_UNREACHABLE', message: noAnswer('Neu', silent.url) });
    expect(silent.requests()).toBe(1);
    expect(s.area.list()).toEqual([]);

    const shop = await connectWoo(s, 'Laden');
    await expect(s.area.update('Laden', { url: silent.url })).rejects.toMatchObject({
      code: 'SHOP_UNREACHABLE',
      message: noAnswer('Laden', silent.url),
    });
    expect(silent.requests()).toBe(2);
    expect(s.area.show('Laden').url).toBe(s.sim.url);

    // The stored shop now sits behind the silent address.
    s.db.update(shops).set({ url: silent.url }).where(eq(shops.id, shop.id)).run();
    const [asked] = await s.area.sync.runAll({ kind: 'new' });
    expect(asked).toMatchObject({
      state: 'failed',
      error: { code: 'SHOP_UNREACHABLE', message: noAnswer('Laden', silent.url, moved('Laden')) },
    });
    expect(silent.requests()).toBe(3);
    expect(await s.area.test('Laden')).toEqual({
      ok: false,
      code: 'SHOP_UNREACHABLE',
      message: noAnswer('Laden', silent.url, moved('Laden')),
    });
    expect(silent.requests()).toBe(4);
    // No retry, so no backoff waited; the caller reports the failure, nothing of it on the console besides.
    expect(s.sleeps).toEqual([]);
    expect(shown(logger)).toEqual([]);
  });

  it('the scheduler keeps retrying it (nobody waits), and logs the failure once', async () => {
    const logger = recordingLogger();
    const s = await setupWoo({ timeoutMs, logger });
    const shop = await connectWoo(s, 'Laden');
    s.db.update(shops).set({ url: silent.url }).where(eq(shops.id, shop.id)).run();
    const scheduler = s.area.startScheduler();
    await scheduler.tick();
    await scheduler.stop();
    // The job that was due (the first full comparison): the first attempt and 3 retries (setupWoo), with backoff.
    expect(runStates(s.db)).toEqual(['full:failed']);
    expect(silent.requests()).toBe(4);
    expect(s.sleeps).toEqual([1000, 2000, 4000]);
    const logged = shown(logger);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.text).toContain('sync failed');
    expect(logged[0]?.text).toContain(`timed out after ${timeoutMs} ms`);
  });
});
