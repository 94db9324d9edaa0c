/*
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR before one) as a formula,
 * so a hostile name in a source could run on a reader's machine. OWASP's remedy: a leading
 * apostrophe, which spreadsheets show as text. Numbers are not text and are left alone (a
 * negative longitude is not a formula).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseFormula = <T>(cell: T): T =>
  typeof cell === 'string' && FORMULA_START.test(cell) ? (`'${cell}` as T) : cell;
