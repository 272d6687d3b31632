/** API methods of the bank area; merged into the one table in ../api.ts. */
import type { ApiTable } from './types.ts';

export const bankApi = {} as const satisfies ApiTable;
