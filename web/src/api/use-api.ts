import { useEffect, useState } from 'react';
import { getJson } from './client.js';

export type ApiState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: Error };

/**
 * Public responses change only when data is loaded, so a page revisited in the same visit
 * reuses what it fetched instead of waiting again.
 */
const cache = new Map<string, unknown>();

/** Fetches `path` (null: nothing yet) and re-fetches when it changes; aborts a stale request. */
export function useApi<T>(path: string | null): ApiState<T> {
  const cached = path === null ? undefined : (cache.get(path) as T | undefined);
  const [state, setState] = useState<{ path: string | null; value: ApiState<T> }>({
    path,
    value: cached === undefined ? { status: 'loading' } : { status: 'ok', data: cached },
  });
  useEffect(() => {
    if (path === null || cache.has(path)) return;
    const controller = new AbortController();
    getJson<T>(path, controller.signal).then(
      (data) => {
        cache.set(path, data);
        setState({ path, value: { status: 'ok', data } });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          path,
          value: {
            status: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
          },
        });
      },
    );
    return () => controller.abort();
  }, [path]);
  if (path !== null && cache.has(path)) return { status: 'ok', data: cache.get(path) as T };
  if (state.path !== path) return { status: 'loading' };
  return state.value;
}
