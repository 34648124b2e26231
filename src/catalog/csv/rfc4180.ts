// A small streaming CSV reader and writer (RFC 4180): quoted cells with embedded commas, quotes
// ("") and line breaks, CRLF or LF, a leading UTF-8 BOM. Records carry the line they start on.

export interface CsvRecord {
  /** 1-based physical line where the record starts (the header is line 1) */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Reads records from text chunks; yields them in batches (one per chunk) to keep overhead low. Blank lines are skipped. */
export async function* readCsvRecords(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<CsvRecord[]> {
  const decoder = new TextDecoder('utf-8');
  let first = true;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  /** a quote seen inside a quoted cell: either an escaped "" or the closing quote */
  let quotePending = false;
  /** the cell was quoted and is now closed: only a separator may follow */
  let closed = false;
  let skipLf = false;
  let line = 1;
  let recordLine = 1;

  const endField = () => {
    fields.push(field);
    field = '';
    closed = false;
  };

  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = text.length === 0;
    }
    const out: CsvRecord[] = [];
    const endRecord = () => {
      endField();
      if (!(fields.length === 1 && fields[0] === '')) out.push({ line: recordLine, fields });
      fields = [];
    };
    let start = 0;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (skipLf) {
        skipLf = false;
        if (code === LF) {
          start = i + 1;
          continue;
        }
      }
      if (inQuotes) {
        if (quotePending) {
          quotePending = false;
          if (code === QUOTE) {
            field += '"';
            start = i + 1;
            continue;
          }
          inQuotes = false;
          closed = true;
          // fall through: this character follows the closing quote
        } else {
          if (code === QUOTE) {
            field += text.slice(start, i);
            quotePending = true;
            start = i + 1;
          } else if (code === LF) {
            line += 1;
          }
          continue;
        }
      }
      if (code === COMMA) {
        if (!closed) field += text.slice(start, i);
        endField();
        start = i + 1;
      } else if (code === LF || code === CR) {
        if (!closed) field += text.slice(start, i);
        endRecord();
        line += 1;
        recordLine = line;
        skipLf = code === CR;
        start = i + 1;
      } else if (closed) {
        throw new CsvSyntaxError(line, `Line ${line}: unexpected text after a closing quote; a quote inside a quoted cell is written "".`);
      } else if (code === QUOTE && i === start && field === '') {
        inQuotes = true;
        start = i + 1;
      }
    }
    if (inQuotes) {
      if (!quotePending) field += text.slice(start);
    } else if (!closed) {
      field += text.slice(start);
    }
    if (out.length > 0) yield out;
  }
  if (quotePending) {
    inQuotes = false;
    closed = true;
  }
  if (inQuotes) throw new CsvSyntaxError(recordLine, `Line ${recordLine}: a quoted cell is never closed.`);
  endField();
  if (!(fields.length === 1 && fields[0] === '')) yield [{ line: recordLine, fields }];
}

/** One CSV line (with CRLF), quoting only the cells that need it. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: string): string {
  if (value === '') return '';
  if (/[",\r\n]/.test(value) || value.trim() !== value) return `"${value.replace(/"/g, '""')}"`;
  return value;
}
