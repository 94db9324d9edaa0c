import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson } from '../api/client.js';
import type { ImportHeaders, ImportResult } from '../../../contract/imports.js';

/**
 * Workspace reads are personal data and change as analysts work (a decision, an import), so
 * unlike the public pages nothing is cached: each visit asks again, and `reload` asks anew.
 */
export type Fetched<T> =
  | { status: 'idle' | 'loading'; data?: undefined; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: Error };

/**
 * A request that changes data and may answer with no body (204), with the session's CSRF
 * token; errors come back as the API client's ApiError.
 */
export async function send<T = void>(
  method: 'POST' | 'DELETE',
  path: string,
  body: unknown,
  csrfToken: string,
): Promise<T | undefined> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'x-csrf-token': csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.ok) return res.status === 204 ? undefined : ((await res.json()) as T);
  if (res.status === 401) sessionLost?.();
  let error: { code?: string; message?: string } = {};
  try {
    error = ((await res.json()) as { error?: typeof error }).error ?? {};
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  throw new ApiError(
    res.status,
    error.code ?? 'http_error',
    error.message ?? `the server answered ${res.status} ${res.statusText}`,
  );
}

/** A text field of a submitted form ('' when absent). */
export function formText(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
}

/*
 * A session can end while a page is open (it expires, or an administrator disables the
 * account): the workspace shows the login form again instead of a page of errors.
 */
let sessionLost: (() => void) | null = null;

export function onSessionLost(listener: () => void): () => void {
  sessionLost = listener;
  return () => {
    if (sessionLost === listener) sessionLost = null;
  };
}

function noticeSessionLoss(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) sessionLost?.();
}

export function useFresh<T>(path: string | null): Fetched<T> & { reload: () => void } {
  const [round, setRound] = useState(0);
  const [state, setState] = useState<{ key: string; value: Fetched<T> } | null>(null);
  const key = `${round}:${path ?? ''}`;
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    getJson<T>(path, controller.signal).then(
      (data) => setState({ key, value: { status: 'ok', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        noticeSessionLoss(error);
        setState({
          key,
          value: {
            status: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
          },
        });
      },
    );
    return () => controller.abort();
  }, [path, key]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  if (path === null) return { status: 'idle', reload };
  if (state?.key !== key) return { status: 'loading', reload };
  return { ...state.value, reload };
}

/** Problems an import reports, one per bad cell (personal values are never echoed). */
export interface ImportProblem {
  file: string;
  row?: number;
  column?: string;
  value?: string;
  message: string;
  fix: string;
}

/** The answer to an import: counts, what was noticed, and how the file was read. */
export type { ImportResult };

export class ImportRefused extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly problems: ImportProblem[],
  ) {
    super(status, code, message);
    this.name = 'ImportRefused';
  }
}

/** Sends a file's bytes as they are; the server validates them exactly as `polon import`. */
/** How the server reads a file's headers, and the columns the kind has. */
export type FileHeaders = ImportHeaders;

/** The file's headers → column names; "" leaves a header out. */
export type HeaderMapping = Record<string, string>;

export function readHeaders(kind: string, file: File, csrfToken: string): Promise<FileHeaders> {
  return postFile<FileHeaders>(kind, 'headers', file, csrfToken, { name: file.name });
}

export function sendFile(
  kind: string,
  file: File,
  dryRun: boolean,
  csrfToken: string,
  dateFormat?: 'DMY' | 'MDY',
  mapping?: HeaderMapping,
): Promise<ImportResult> {
  const query: Record<string, string> = { name: file.name, dryRun: String(dryRun) };
  if (dateFormat) query.dateFormat = dateFormat;
  if (mapping) query.mapping = JSON.stringify(mapping);
  return postFile<ImportResult>(kind, 'file', file, csrfToken, query);
}

async function postFile<T>(
  kind: string,
  path: 'file' | 'headers',
  file: File,
  csrfToken: string,
  params: Record<string, string>,
): Promise<T> {
  const query = new URLSearchParams(params);
  const url = `/api/imports/${encodeURIComponent(kind)}/${path}?${query.toString()}`;
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'content-type': 'application/octet-stream',
      'x-csrf-token': csrfToken,
    },
    body: file,
  });
  if (res.ok) return (await res.json()) as T;
  if (res.status === 401) sessionLost?.();
  let body: {
    error?: { code?: string; message?: string; details?: { problems?: ImportProblem[] } };
  } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  throw new ImportRefused(
    res.status,
    body.error?.code ?? 'http_error',
    body.error?.message ?? `the server answered ${res.status} ${res.statusText}`,
    body.error?.details?.problems ?? [],
  );
}
