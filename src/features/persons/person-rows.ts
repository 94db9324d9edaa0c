import type { ColumnSpec } from '../imports/index.js';
import { derivedId } from './record-id.js';

/** The source column of the files about persons: a cell, or `--source` for the whole file. */
export const SOURCE_COLUMN = {
  name: 'source',
  required: true,
  orOption: 'source',
  description: 'registered source id',
} satisfies ColumnSpec;

/** The column naming the person record a row (an event, a stay) is about. */
export const RECORD_ID_COLUMN = {
  name: 'record_id',
  required: true,
  description: "the source's id of the person record",
  personal: true,
} satisfies ColumnSpec;

/** The column of the source's own id of a row, which the row's content stands in for. */
export const ownIdColumn = (name: string, what: string): ColumnSpec => ({
  name,
  required: false,
  description: `the source's id of the ${what} (default: derived from the row)`,
});

/**
 * The id of a row of a source: from the source's own id of it where the file gives one, else
 * from what the row says, so that importing the file again finds the same rows.
 */
export const sourceRowId = (
  prefix: Parameters<typeof derivedId>[0],
  source: string,
  own: string | null,
  content: Parameters<typeof derivedId>[1],
): string => (own ? derivedId(prefix, [source, own]) : derivedId(prefix, [source, ...content]));
