/**
 * A table as CSV text, the way a spreadsheet opens it: every cell quoted, a byte-order mark
 * so Excel reads UTF-8 Cyrillic, and a cell that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, carriage return first) led by an apostrophe, so an imported
 * name cannot become one on a reader's machine.
 */
export function tableCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    const safe = typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Hands the browser a file to save, made here: nothing goes to the server. */
export function download(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
