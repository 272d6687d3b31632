/** API methods of the queue area; merged into the one table in ../api.ts. */
import type { ApiTable } from './types.ts';

export const queueApi = {} as const satisfies ApiTable;
