import { describe, expect, it } from 'vitest';
import { csvLine, readCsvRecords, type CsvRecord } from '../../src/catalog/csv/rfc4180.ts';

async function parse(chunks: string[]): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const batch of readCsvRecords(source())) records.push(...batch);
  return records;
}

const TEXT = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\nplain,,end\n"",z,"q"';

describe('CSV reader', () => {
  it('reads quotes, embedded commas, quotes and line breaks, CRLF, a BOM, and skips blank lines', async () => {
    expect(await parse([TEXT])).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['plain', '', 'end'] },
      { line: 6, fields: ['', 'z', 'q'] },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', async () => {
    const whole = await parse([TEXT]);
    expect(await parse(TEXT.split(''))).toEqual(whole);
    for (const size of [2, 3, 5, 7]) {
      const chunks: string[] = [];
      for (let i = 0; i < TEXT.length; i += size) chunks.push(TEXT.slice(i, i + size));
      expect(await parse(chunks)).toEqual(whole);
    }
  });

  it('reads bytes split inside a multi-byte character', async () => {
    const bytes = Buffer.from('name\r\ncafé ☕\r\n', 'utf8');
    const cut = bytes.indexOf(0xe2) + 1;
    const records: CsvRecord[] = [];
    async function* source() {
      yield bytes.subarray(0, cut);
      yield bytes.subarray(cut);
    }
    for await (const batch of readCsvRecords(source())) records.push(...batch);
    expect(records.map((record) => record.fields[0])).toEqual(['name', 'café ☕']);
  });

  it('reports an unclosed quote and text after a closing quote with the line', async () => {
    await expect(parse(['a,b\n1,"open\n\n'])).rejects.toThrow('Line 2: a quoted cell is never closed.');
    await expect(parse(['a,b\n1,"x"y\n'])).rejects.toThrow(/Line 2: unexpected text after a closing quote/);
  });

  it('writes what it reads', async () => {
    const cells = ['plain', 'a,b', 'say "hi"', 'two\r\nlines', ' padded ', ''];
    const records = await parse([csvLine(cells)]);
    expect(records[0].fields).toEqual(cells);
  });
});
