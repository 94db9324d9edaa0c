/**
 * What the importer says about a whole file, by stable codes the workspace words in the
 * reader's language (web/src/workspace/i18n: `importProblems`, `importFixes`,
 * `importNotices`). The English message and fix stay for the command line and the API.
 * Parameters are numbers, column and sheet names, encodings: never a cell of a person's data.
 * test/codes-translated.test.ts reads these lists, so a code added here without its
 * Ukrainian, English and Russian words fails it.
 */

/** Problems of the whole file (its bytes, its sheets, its header) or of a row as a whole. */
export const FILE_PROBLEM_CODES = [
  'empty_file',
  'file_too_large',
  'unsupported_ending',
  'binary_file',
  'not_encoding',
  'unknown_encoding',
  'csv_unreadable',
  'row_too_long',
  'cell_too_long',
  'no_header',
  'no_rows',
  'extra_cells',
  'column_twice',
  'unknown_target',
  'missing_column',
  'missing_column_or_option',
  'repeated_record',
  'json_unreadable',
  'json_no_rows',
  'json_not_object',
  'json_nested',
  'not_spreadsheet',
  'spreadsheet_damaged',
  'spreadsheet_too_many_parts',
  'spreadsheet_unpacks_too_large',
  'spreadsheet_unpacks_too_much',
  'spreadsheet_repeats_too_much',
  'workbook_too_large',
  'workbook_cannot_open',
  'workbook_password',
  'workbook_too_many_rows',
  'workbook_too_many_cells',
  'workbook_out_of_memory',
  'workbook_empty',
  'no_such_sheet',
  'several_sheets',
  'only_hidden_sheets',
  'unknown_source',
] as const;
export type FileProblemCode = (typeof FILE_PROBLEM_CODES)[number];

/** What the importer did on its own and the user should check. */
export const NOTICE_CODES = [
  'read_as_cyrillic',
  'delimiter',
  'table_starts',
  'total_skipped',
  'note_skipped',
  'skipped_in_all',
  'read_as_format',
  'sheet_chosen',
  'unused_columns',
  'repeated_without_id',
  'unknown_place',
  'merged_facility',
  'placed_at_settlement',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

export type MessageParams = Record<string, string | number>;

/** A notice: the English sentence, and its code and parameters for other languages. */
export interface Notice {
  message: string;
  code: NoticeCode;
  params: MessageParams;
}

export const notice = (code: NoticeCode, params: MessageParams, message: string): Notice => ({
  message,
  code,
  params,
});

/** A list for a message's parameters: the first `max` items, and how many more. */
export const listed = (items: readonly (string | number)[], max = 20): string =>
  `${items.slice(0, max).join(', ')}${items.length > max ? ', …' : ''}`;
