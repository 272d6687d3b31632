import type { z } from 'zod';
import type { ApiTable } from '#shared/api/types.ts';

/** Handlers for one area's slice of the API table: validated input in, the output schema's type out. */
export type AreaHandlers<T extends ApiTable> = {
  [M in keyof T]: (
    input: z.output<T[M]['input']>,
  ) => z.input<T[M]['output']> | Promise<z.input<T[M]['output']>>;
};
