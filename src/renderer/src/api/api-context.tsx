import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { ApiError, ApiInput, ApiMethodName, ApiOutput, KassenwartApi } from '#shared/api.ts';

const ApiContext = createContext<KassenwartApi | null>(null);

export function ApiProvider({ api, children }: { api: KassenwartApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): KassenwartApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiProvider>.');
  return api;
}

/** Query options a screen may set (refresh interval and the like); key and function come from the method. */
export type ApiQueryOptions<M extends ApiMethodName> = Omit<
  UseQueryOptions<ApiOutput<M>, ApiError>,
  'queryKey' | 'queryFn'
>;

/** A TanStack query for one API method; the query key is the method name plus its input. */
export function useApiQuery<M extends ApiMethodName>(
  method: M,
  input: ApiInput<M>,
  options: ApiQueryOptions<M> = {},
): UseQueryResult<ApiOutput<M>, ApiError> {
  const api = useApi();
  const fn = api[method] as (input: ApiInput<M>) => Promise<ApiOutput<M>>;
  return useQuery<ApiOutput<M>, ApiError>({
    ...options,
    queryKey: [method, input],
    queryFn: () => fn(input),
  });
}
