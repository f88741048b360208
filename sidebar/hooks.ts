import { useCallback, useState } from 'preact/hooks';
import type { ApiArgs, ApiMethod, ApiResult } from '../src/app/api';
import { call } from './client';

export interface CallState<T> {
  loading: boolean;
  error: string | null;
  data: T | null;
}

/** Calls a server function with loading and error state for the view. */
export function useCall<K extends ApiMethod>(name: K) {
  const [state, setState] = useState<CallState<ApiResult<K>>>({ loading: false, error: null, data: null });
  const run = useCallback(
    async (...args: ApiArgs<K>): Promise<ApiResult<K> | null> => {
      setState((s) => ({ ...s, loading: true, error: null }));
      try {
        const data = await call(name, ...args);
        setState({ loading: false, error: null, data });
        return data;
      } catch (e) {
        setState((s) => ({ ...s, loading: false, error: e instanceof Error ? e.message : String(e) }));
        return null;
      }
    },
    [name],
  );
  return { ...state, run };
}
