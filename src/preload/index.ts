/**
 * The preload bridge (design §3.4): `window.kassenwart` has exactly one function per API method, each bound to
 * its own fixed IPC channel; there is no generic invoke. Built as CommonJS (sandboxed preloads cannot be ES
 * modules) and imports only 'electron' and shared.
 *
 * Errors: a failed call rejects with the plain `{ code, message }` payload. contextBridge copies a thrown
 * Error as its message only, dropping `code`; a plain object crosses intact, and the renderer's IPC transport
 * turns it into an `ApiError(code, message)`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, IPC_CHANNEL_PREFIX, type ApiErrorPayload, type ApiMethodName } from '#shared/api.ts';

type Envelope = { ok: true; data: unknown } | { ok: false; error: ApiErrorPayload };

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function bind(method: ApiMethodName): (input?: unknown) => Promise<unknown> {
  const channel = IPC_CHANNEL_PREFIX + method;
  return async (input?: unknown) => {
    const reply: unknown = await ipcRenderer.invoke(channel, input ?? {});
    if (!isEnvelope(reply)) throw { code: 'IPC_BAD_REPLY', message: `Unexpected reply from ${method}.` };
    if (reply.ok) return reply.data;
    throw { code: String(reply.error.code), message: String(reply.error.message) };
  };
}

const bridge: Record<string, (input?: unknown) => Promise<unknown>> = {};
for (const method of API_METHODS) bridge[method] = bind(method);

contextBridge.exposeInMainWorld('kassenwart', bridge);
