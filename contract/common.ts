import { z } from 'zod';

/** Isomorphic schemas of the HTTP API, shared by the server and the web app. */

export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

export const SourceRef = z.object({
  id: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
});

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
