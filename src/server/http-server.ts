/**
 * `kassenwart serve`: the API of src/shared/api.ts over loopback HTTP, plus the built renderer from the same
 * origin, for running the UI in a browser (tests, development). Bound to 127.0.0.1 only. Every request needs
 * the random bearer token: API calls in the Authorization header; the first page load as `?token=`, after
 * which an HttpOnly, SameSite=Strict cookie covers the renderer's static files (never the API).
 *
 * The cookie carries a value derived from the token, not the token, under a name with the port: browsers do not
 * scope cookies by port, so any other server on 127.0.0.1 that the browser visits receives it. What it would
 * learn opens our static files (public code) and nothing else; and a second `serve` on another port does not
 * overwrite this one's cookie.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { toErrorPayload, isKassenwartError } from '#core/errors.ts';
import { type ApiHandlers, invokeApi } from '#core/api/handlers.ts';
import type { Logger } from '#core/deps.ts';
import { RENDERER_CSP } from '#shared/csp.ts';

export type ServeOptions = {
  handlers: ApiHandlers;
  logger: Logger;
  /** Folder with the built renderer (out/renderer); when absent, only the API is served. */
  rendererDir?: string;
  port?: number;
  token?: string;
};

export type RunningServer = {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
  server: Server;
};

const MAX_BODY_BYTES = 1024 * 1024;
const COOKIE_PREFIX = 'kassenwart_page_';

/** The page cookie's value: opens the static files only, and does not give away the API token. */
function pageCookieValue(token: string): string {
  return createHmac('sha256', token).update('kassenwart page cookie').digest('base64url');
}

/**
 * The few plain pages the browser may show before the renderer runs. Not translated by Accept-Language (the
 * UI language is a setting of the renderer, not of the browser): German first, as the UI default, then English.
 */
const PLAIN_TEXTS = {
  noToken:
    'Öffnen Sie die Adresse, die „kassenwart serve“ ausgegeben hat (sie enthält den Zugangsschlüssel).\n' +
    'Open the URL that "kassenwart serve" printed (it carries the access token).\n',
  notFound: 'Nicht gefunden.\nNot found.\n',
  notBuilt:
    'Die Oberfläche ist nicht gebaut. Führen Sie zuerst „npm run build“ aus.\n' +
    'The renderer is not built. Run "npm run build" first.\n',
} as const;

/** CSP for the renderer (design §3.5), shared with the Electron app protocol and the built index.html. */
const CSP = RENDERER_CSP;

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('Request body too large.'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw Object.assign(new Error('Request body is not JSON.'), { status: 400 });
  }
}

function statusFor(code: string): number {
  if (code.startsWith('API_UNKNOWN') || code.endsWith('NOT_FOUND')) return 404;
  if (code === 'API_INVALID_INPUT' || code.startsWith('VALIDATION')) return 400;
  return 422;
}

export async function startHttpServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const statics =
    options.rendererDir && existsSync(options.rendererDir)
      ? sirv(options.rendererDir, { single: true, dev: false, etag: true })
      : undefined;
  let origin = '';
  let cookieName = COOKIE_PREFIX;
  const pageCookie = pageCookieValue(token);

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.logger.log('error', 'http request failed', { error: (error as Error).message });
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error.' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS-rebinding guard: only our own loopback host names.
    const host = req.headers.host ?? '';
    const port = (server.address() as AddressInfo).port;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      sendJson(res, 421, { ok: false, error: { code: 'BAD_HOST', message: 'Unexpected Host header.' } });
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');

    if (url.pathname.startsWith('/api/')) {
      const auth = req.headers.authorization;
      const bearer = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
      if (!sameToken(bearer, token)) {
        sendJson(res, 401, {
          ok: false,
          error: { code: 'UNAUTHORIZED', message: 'Missing or wrong token.' },
        });
        return;
      }
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        sendJson(res, 405, { ok: false, error: { code: 'METHOD_NOT_ALLOWED', message: 'Use POST.' } });
        return;
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      try {
        const input = await readBody(req);
        const data = await invokeApi(options.handlers, method, input);
        sendJson(res, 200, { ok: true, data });
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status) {
          // Do not keep reading an oversized or broken upload: answer and close the connection.
          res.setHeader('connection', 'close');
          req.resume();
          sendJson(res, status, {
            ok: false,
            error: { code: 'BAD_REQUEST', message: (error as Error).message },
          });
          return;
        }
        const payload = toErrorPayload(error);
        if (!isKassenwartError(error))
          options.logger.log('error', 'api method failed', { method, error: payload.message });
        sendJson(res, isKassenwartError(error) ? statusFor(payload.code) : 500, {
          ok: false,
          error: payload,
        });
      }
      return;
    }

    const queryToken = url.searchParams.get('token') ?? undefined;
    if (sameToken(queryToken, token)) {
      res.setHeader('set-cookie', `${cookieName}=${pageCookie}; HttpOnly; SameSite=Strict; Path=/`);
    } else if (!sameToken(cookieValue(req, cookieName), pageCookie)) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(PLAIN_TEXTS.noToken);
      return;
    }
    if (!statics || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(statics ? PLAIN_TEXTS.notFound : PLAIN_TEXTS.notBuilt);
      return;
    }
    res.setHeader('content-security-policy', CSP);
    statics(req, res, () => {
      res.writeHead(404);
      res.end();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  cookieName = `${COOKIE_PREFIX}${port}`;
  return {
    url: `${origin}/?token=${token}`,
    token,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Browsers keep connections alive; do not let them hold the shutdown.
        server.closeAllConnections();
      }),
  };
}
