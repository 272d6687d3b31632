/** Handlers of the dealer notifications area of the API (see src/shared/api/notifications.ts). */
import type { notificationsApi } from '#shared/api/notifications.ts';
import type { Core } from '../index.ts';
import type { AreaHandlers } from './area.ts';

export function createNotificationsHandlers(core: Core): AreaHandlers<typeof notificationsApi> {
  const { notifications } = core;
  return {
    'notifications.list': (input) => notifications.list(input),
    // The input schema lets through exactly one of the two (ids, or all: true).
    'notifications.markRead': ({ ids }) => notifications.markRead(ids ? { ids } : { all: true }),
  };
}
