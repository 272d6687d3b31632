/**
 * IPC handlers generated from the API table (design §3.4): one channel per method, input validated by
 * invokeApi, results and errors returned as an envelope so that errors cross as plain `{ code, message }`
 * (Electron would reduce a thrown Error to its message). Only our own top-level frame may call.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { invokeApi, type ApiHandlers } from '#core/api/handlers.ts';
import type { Logger } from '#core/deps.ts';
import { isKassenwartError, toErrorPayload } from '#core/errors.ts';
import { isAllowedOrigin } from './url-policy.ts';
import { API_METHODS, IPC_CHANNEL_PREFIX, type ApiErrorPayload } from '#shared/api.ts';

export type IpcEnvelope = { ok: true; data: unknown } | { ok: false; error: ApiErrorPayload };

export function isTrustedFrame(
  frame: WebFrameMain | null | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (!frame || frame.parent) return false;
  return isAllowedOrigin(frame.url, allowedOrigins);
}

/** Registers one handler per API method; returns a function that removes them again. */
export function registerIpcHandlers(
  handlers: ApiHandlers,
  allowedOrigins: readonly string[],
  logger: Logger,
): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(
      IPC_CHANNEL_PREFIX + method,
      async (event: IpcMainInvokeEvent, input: unknown): Promise<IpcEnvelope> => {
        if (!isTrustedFrame(event.senderFrame, allowedOrigins)) {
          logger.log('warn', 'ipc call from an untrusted frame refused', {
            method,
            url: event.senderFrame?.url,
          });
          return {
            ok: false,
            error: { code: 'FORBIDDEN', message: 'This window may not call the Kassenwart API.' },
          };
        }
        try {
          return { ok: true, data: await invokeApi(handlers, method, input) };
        } catch (error) {
          const payload = toErrorPayload(error);
          if (!isKassenwartError(error))
            logger.log('error', 'api method failed', { method, error: payload.message });
          return { ok: false, error: payload };
        }
      },
    );
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(IPC_CHANNEL_PREFIX + method);
  };
}
