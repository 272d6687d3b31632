/** API methods of the shops area; merged into the one table in ../api.ts. */
import type { ApiTable } from './types.ts';

export const shopsApi = {} as const satisfies ApiTable;
