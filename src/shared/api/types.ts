import type { z } from 'zod';

export type ApiMethod = { input: z.ZodType; output: z.ZodType };
export type ApiTable = Record<string, ApiMethod>;
