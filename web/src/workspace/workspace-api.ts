import { useCallback, useEffect, useState } from 'react';
import type { NewSourceInput, Source } from '../../../contract/sources.js';
import { ApiError, getJson } from '../api/client.js';
import type { ImportHeaders } from '../../../contract/imports.js';

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
  /** What is wrong by a stable code (a cell's or the whole file's), with its parameters. */
  code?: string;
  params?: Record<string, string | number>;
}

/** New, changed and unchanged rows of one table (removed: facts the file no longer states). */
export interface TableCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  removed?: number;
}

/** A place the gazetteer does not know, kept as written, with the matcher's best guesses. */
export interface UnresolvedPlace {
  row: number;
  text: string;
  candidates: { id: string; nameEn: string; score: number }[];
}

/**
 * The import's report (src/features/imports/import-report.ts). Fields past `notices` came
 * later and some are filled only by newer readers: a page reads them as optional.
 */
export interface ImportResult {
  kind: string;
  file: string;
  rows: number;
  dryRun: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  notices: string[];
  /** The notices by code, in the same order (newer servers). */
  noticeCodes?: { code: string; params: Record<string, string | number> }[];
  source?: string | null;
  detected?: Record<string, unknown>;
  records?: TableCounts;
  events?: TableCounts;
  episodes?: TableCounts;
  written?: TableCounts;
  recordIds?: { from: 'file' | 'content' | 'both'; fromFile: number; fromContent: number };
  skippedRows?: { row: number; reason: string }[];
  unresolvedPlaces?: UnresolvedPlace[];
}

/** A refused import or registration, with the server's problems one by one. */
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

/** How the server reads a file's headers, and the columns the kind has. */
export type FileHeaders = ImportHeaders;

/** The file's headers → column names; "" leaves a header out. */
export type HeaderMapping = Record<string, string>;

/** What the user said about a file beyond its bytes; each is sent only when given. */
export interface FileOptions {
  /** Only for dates like 5/3/2024. */
  dateFormat?: 'DMY' | 'MDY';
  mapping?: HeaderMapping;
  /** The registered source of rows that name none. */
  source?: string;
  /** The workbook's sheet that holds the table. */
  sheet?: string;
}

export function readHeaders(
  kind: string,
  file: File,
  csrfToken: string,
  options: Pick<FileOptions, 'sheet'> = {},
): Promise<FileHeaders> {
  const query: Record<string, string> = { name: file.name };
  if (options.sheet) query.sheet = options.sheet;
  return postFile<FileHeaders>(kind, 'headers', file, csrfToken, query);
}

/** Sends a file's bytes as they are; the server validates them exactly as `polon import`. */
export function sendFile(
  kind: string,
  file: File,
  dryRun: boolean,
  csrfToken: string,
  options: FileOptions = {},
): Promise<ImportResult> {
  const query: Record<string, string> = { name: file.name, dryRun: String(dryRun) };
  if (options.dateFormat) query.dateFormat = options.dateFormat;
  if (options.mapping) query.mapping = JSON.stringify(options.mapping);
  if (options.source) query.source = options.source;
  if (options.sheet) query.sheet = options.sheet;
  return postFile<ImportResult>(kind, 'file', file, csrfToken, query);
}

/** Registers a source (`POST /api/sources`); a refusal keeps the server's words per field. */
export async function addSource(source: NewSourceInput, csrfToken: string): Promise<Source> {
  const res = await fetch('/api/sources', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      'x-csrf-token': csrfToken,
    },
    body: JSON.stringify(source),
  });
  if (res.ok) return (await res.json()) as Source;
  throw await refusal(res);
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
  throw await refusal(res);
}

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    // An import's or a service's refusal: `{ problems }`; a request the schema refused: a
    // list of `{ path, message }`.
    details?: { problems?: ImportProblem[] } | { path?: string; message?: string }[];
  };
}

/** The server's refusal as an error a page can show, with its problems one by one. */
async function refusal(res: Response): Promise<ImportRefused> {
  if (res.status === 401) sessionLost?.();
  let body: ErrorBody = {};
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  const details = body.error?.details;
  const problems: ImportProblem[] = Array.isArray(details)
    ? details.flatMap((d) =>
        d.message
          ? [{ file: '', column: (d.path ?? '').replace(/^\//, ''), message: d.message, fix: '' }]
          : [],
      )
    : (details?.problems ?? []);
  return new ImportRefused(
    res.status,
    body.error?.code ?? 'http_error',
    body.error?.message ?? `the server answered ${res.status} ${res.statusText}`,
    problems,
  );
}
