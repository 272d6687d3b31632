/**
 * Transports implementing the API contract for the renderer: the preload bridge in Electron, or HTTP against
 * `kassenwart serve` in a browser. Both reject with `ApiError(code, message)`.
 */
import { API_METHODS, ApiError, type ApiMethodName, type KassenwartApi } from '#shared/api.ts';

const TOKEN_KEY = 'kassenwart.token';

type Call = (method: ApiMethodName, input: unknown) => Promise<unknown>;

function fromCall(call: Call): KassenwartApi {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) api[method] = (input?: unknown) => call(method, input ?? {});
  return api as KassenwartApi;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Whatever a call rejected with, as an ApiError. The preload rejects with a plain `{ code, message }`. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isRecord(error) && typeof error['code'] === 'string' && typeof error['message'] === 'string') {
    return new ApiError(error['code'], error['message']);
  }
  if (error instanceof Error) return new ApiError('UNKNOWN', error.message);
  return new ApiError('UNKNOWN', String(error));
}

export function createIpcTransport(bridge: KassenwartApi): KassenwartApi {
  const methods = bridge as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  return fromCall(async (method, input) => {
    const fn = methods[method];
    if (!fn) throw new ApiError('API_UNKNOWN_METHOD', `The desktop app does not offer "${method}".`);
    try {
      return await fn(input);
    } catch (error) {
      throw toApiError(error);
    }
  });
}

export function createHttpTransport(token: string | undefined, baseUrl = ''): KassenwartApi {
  return fromCall(async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(input),
        cache: 'no-store',
      });
    } catch (error) {
      throw new ApiError(
        'NETWORK',
        `Kassenwart is not reachable (${(error as Error).message}). Is "kassenwart serve" still running?`,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiError(
        `HTTP_${response.status}`,
        `The server answered ${response.status} without a readable body.`,
      );
    }
    if (isRecord(body) && body['ok'] === true) return body['data'];
    if (isRecord(body) && body['ok'] === false && isRecord(body['error'])) throw toApiError(body['error']);
    throw new ApiError(
      `HTTP_${response.status}`,
      `The server answered ${response.status} with an unexpected body.`,
    );
  });
}

/**
 * The access token of `kassenwart serve` arrives once as `?token=` and is removed from the address bar so it
 * does not end up in history, bookmarks or screenshots. It is kept in localStorage, which is scoped to the
 * origin: scheme, 127.0.0.1 and the port of this one `serve` process. So a second tab of the same session
 * (Ctrl+click on a navigation link, the origin opened again) can call the API too, while a page of any other
 * origin, including another port on 127.0.0.1, cannot read it. A later `serve` prints a new random token,
 * which replaces a stored one; a stale token only opens nothing. (Why not the page cookie for the API as
 * well: cookies are not scoped by port, so every other server on 127.0.0.1 would receive the API secret.)
 */
export function takeAccessToken(win: Window = window): string | undefined {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      win.localStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // storage unavailable (private mode, disabled): the token then works in this page only
    }
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return win.localStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The desktop bridge when present, else HTTP to the origin that served this page. */
export function createTransport(win: Window = window): KassenwartApi {
  if (win.kassenwart) return createIpcTransport(win.kassenwart);
  return createHttpTransport(takeAccessToken(win));
}
