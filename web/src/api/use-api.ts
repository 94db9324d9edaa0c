import { useEffect, useState } from 'react';
import { getJson } from './client.js';

export type ApiState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: Error };

/**
 * Public responses change only when data is loaded, so a page revisited in the same visit
 * reuses what it fetched instead of waiting again; a request in flight is shared.
 */
const done = new Map<string, unknown>();
const pending = new Map<string, Promise<unknown>>();

function load<T>(path: string): Promise<T> {
  let p = pending.get(path) as Promise<T> | undefined;
  if (!p) {
    p = getJson<T>(path).then(
      (data) => {
        done.set(path, data);
        pending.delete(path);
        return data;
      },
      (error: unknown) => {
        pending.delete(path);
        throw error;
      },
    );
    pending.set(path, p);
  }
  return p;
}

/**
 * After a change the visitor made themselves (an analyst publishing an estimate), asks for
 * the paths anew, past the browser's HTTP cache too, so the public pages show the change.
 */
export async function refetch(paths: string[]): Promise<void> {
  await Promise.all(
    paths.map(async (path) => {
      done.delete(path);
      await fetch(path, { cache: 'reload', credentials: 'same-origin' }).catch(() => undefined);
    }),
  );
}

/**
 * Starts fetching what a part of the page will need before its code has loaded (the map's
 * places while Leaflet downloads), so the two waits overlap instead of adding up.
 */
export function prefetch(path: string): void {
  if (!done.has(path)) load(path).catch(() => undefined);
}

/** Fetches `path` (null: nothing yet) and re-fetches when it changes. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [state, setState] = useState<{ path: string | null; value: ApiState<T> }>({
    path,
    value: { status: 'loading' },
  });
  useEffect(() => {
    if (path === null || done.has(path)) return;
    let live = true;
    load<T>(path).then(
      (data) => {
        if (live) setState({ path, value: { status: 'ok', data } });
      },
      (error: unknown) => {
        if (!live) return;
        setState({
          path,
          value: {
            status: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
          },
        });
      },
    );
    return () => {
      live = false;
    };
  }, [path]);
  if (path !== null && done.has(path)) return { status: 'ok', data: done.get(path) as T };
  if (state.path !== path) return { status: 'loading' };
  return state.value;
}
