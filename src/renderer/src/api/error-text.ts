/**
 * The text shown for an API error, in the UI language. Errors of the transport and of the loopback server itself
 * (no connection, wrong token, an unreadable answer) have codes whose wording the renderer owns; their English
 * `message` stays for logs. Any other error is an answer of the application and is shown with its message.
 */
import type { TFunction } from 'i18next';
import type { ApiError } from '#shared/api.ts';

const TRANSPORT_CODES: ReadonlySet<string> = new Set(['NETWORK', 'UNAUTHORIZED', 'INTERNAL']);

export function errorText(error: ApiError, t: TFunction): string {
  if (TRANSPORT_CODES.has(error.code)) return t(`errors.${error.code}`);
  const http = /^HTTP_(\d{3})$/.exec(error.code);
  if (http) return t('errors.HTTP', { status: http[1] });
  return error.message;
}
