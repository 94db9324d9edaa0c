import Papa from 'papaparse';
import type { InputProblem } from '../../core/app-error.js';

/** A CSV record and the line it starts on, as a text editor numbers lines. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** Why the CSV cannot be split into records, and where. */
export class CsvReadError extends Error {
  constructor(
    readonly reason: 'too-long' | 'quotes',
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

/** The error as a problem of the file, the same whether it was read whole or streamed. */
export function csvReadProblem(file: string, err: CsvReadError): InputProblem {
  return err.reason === 'too-long'
    ? {
        file,
        row: err.row,
        message: err.message,
        fix: 'check that the file is really a CSV table; split very long texts or leave them out',
        code: 'row_too_long',
      }
    : {
        file,
        row: err.row,
        message: `the CSV cannot be read: ${err.message}`,
        fix: 'check the quotes on that line: a quote inside a cell must be doubled ("")',
        code: 'csv_unreadable',
      };
}

type Newline = '\n' | '\r\n' | '\r';
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text, given in pieces of any size, into records. Papa Parse does the
 * splitting, at the delimiter given (about four times faster than csv-parse on a million rows); this class keeps
 * what it cannot split yet, settles the line break as csv-parse did (the first one outside
 * quotes), numbers lines, and refuses a record whose cells hold more than `maxRecord`
 * characters, so a file with a stray quote cannot make it hold the whole rest of the file.
 */
export class CsvRecords {
  private pending = '';
  private fresh: string[] = [];
  private freshLength = 0;
  private newline: Newline | undefined;
  private parser: Papa.Parser | undefined;
  private line = 1;
  private started = false;

  /** `delimiter`: one of "," ";" "\t" "|". */
  constructor(
    private readonly maxRecord: number,
    private readonly delimiter = ',',
  ) {}

  /** The records completed by this piece of text. */
  push(text: string): CsvRecord[] {
    if (!text) return [];
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.fresh.push(text);
    this.freshLength += text.length;
    // A record still open (a long quoted cell, say) is parsed again from its start with
    // each new piece; waiting until the new text is as long as what is held keeps that
    // linear in the size of the record.
    if (
      this.freshLength < this.pending.length &&
      this.pending.length + this.freshLength <= 2 * this.maxRecord
    )
      return [];
    return this.take(false);
  }

  /** The last records, once the text has ended. */
  end(): CsvRecord[] {
    return this.take(true);
  }

  private take(atEnd: boolean): CsvRecord[] {
    const input = this.pending + this.fresh.join('');
    this.fresh = [];
    this.freshLength = 0;
    this.pending = '';
    if (!input) return [];
    if (!this.parser) {
      this.newline = findNewline(input, atEnd, this.delimiter.charCodeAt(0));
      if (!this.newline) {
        this.hold(input);
        return [];
      }
      this.parser = new Papa.Parser({
        delimiter: this.delimiter,
        newline: this.newline,
        quoteChar: '"',
      });
    }
    const out = this.parse(this.parser, input, false);
    // The last record alone, so a line break at the very end does not make an empty one.
    if (atEnd && this.pending) {
      const rest = this.pending;
      this.pending = '';
      out.push(...this.parse(this.parser, rest, true));
    }
    return out;
  }

  private parse(parser: Papa.Parser, input: string, atEnd: boolean): CsvRecord[] {
    const result = parser.parse(input, 0, !atEnd) as Papa.ParseResult<string[]>;
    const records = result.data;
    let error = result.errors[0];
    // The record the error is in (Papa Parse counts the records it had when it found it).
    const errorAt = error?.row ?? records.length;
    // Papa Parse judges a closing quote by what follows it, which may not have arrived
    // yet (the "\n" of a "\r\n"): a record left open by the error is read again with more
    // text, and the error kept in case the record never closes.
    this.suspect = undefined;
    if (error && !atEnd && errorAt >= records.length) {
      this.suspect = error;
      error = undefined;
    }
    const cursor = atEnd ? input.length : result.meta.cursor;
    const { out, next } = this.number(records, input, cursor, error ? errorAt : records.length);
    if (error) throw this.quotes(error, next);
    if (input.length > this.maxRecord) {
      for (const r of out) {
        let length = 0;
        for (const c of r.cells) length += c.length;
        if (length > this.maxRecord) throw this.tooLong(r.row);
      }
    }
    if (!atEnd) this.hold(input.slice(cursor));
    return out;
  }

  private suspect: Papa.ParseError | undefined;

  private hold(rest: string): void {
    // Held text counts its commas and quotes too, which the limit does not: twice the
    // limit is surely over it.
    if (rest.length > 2 * this.maxRecord)
      throw this.suspect ? this.quotes(this.suspect, this.line) : this.tooLong(this.line);
    this.pending = rest;
  }

  private quotes(error: Papa.ParseError, row: number): CsvReadError {
    return new CsvReadError(
      'quotes',
      row,
      error.code === 'MissingQuotes'
        ? 'a quoted cell is not closed before the end of the file'
        : 'a quoted cell has text after its closing quote',
    );
  }

  private tooLong(row: number): CsvReadError {
    return new CsvReadError(
      'too-long',
      row,
      `a row is longer than ${this.maxRecord / 2 ** 20} MiB`,
    );
  }

  /**
   * Gives the first `count` records the lines they start on (`next`: the line after them)
   * and moves the line count past `cursor`. Lines are counted by their "\n" ("\r" in a
   * file that breaks lines with it alone), inside quoted cells too.
   */
  private number(
    records: string[][],
    input: string,
    cursor: number,
    count: number,
  ): { out: CsvRecord[]; next: number } {
    const mark = this.newline === '\r' ? '\r' : '\n';
    let breaks = 0;
    for (let i = input.indexOf(mark); i !== -1 && i < cursor; i = input.indexOf(mark, i + 1))
      breaks++;
    // Usually each record ends on its own line break and holds none.
    const plain = breaks === records.length;
    const out = new Array<CsvRecord>(count);
    let line = this.line;
    for (let k = 0; k < count; k++) {
      const cells = records[k]!;
      out[k] = { row: line, cells };
      line++;
      if (!plain)
        for (const c of cells)
          for (let i = c.indexOf(mark); i !== -1; i = c.indexOf(mark, i + 1)) line++;
    }
    this.line += breaks;
    return { out, next: line };
  }
}

/**
 * The line break the file uses: the first one outside a quoted cell, as csv-parse decides
 * (it then ignores the others). Undefined while the text so far has none.
 */
function findNewline(input: string, atEnd: boolean, delimiter: number): Newline | undefined {
  let fieldStart = true;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (fieldStart && c === QUOTE) {
      let j = i + 1;
      for (;;) {
        const k = input.indexOf('"', j);
        if (k === -1) return atEnd ? '\n' : undefined;
        if (input.charCodeAt(k + 1) === QUOTE) j = k + 2;
        else {
          i = k;
          break;
        }
      }
      fieldStart = false;
    } else if (c === delimiter) fieldStart = true;
    else if (c === LF) return '\n';
    else if (c === CR) {
      if (i + 1 < input.length) return input.charCodeAt(i + 1) === LF ? '\r\n' : '\r';
      return atEnd ? '\r' : undefined;
    } else fieldStart = false;
  }
  return atEnd ? '\n' : undefined;
}
