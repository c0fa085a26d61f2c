import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../test/csv-parse.js';
import { csvCell, csvRecord } from './csv.js';

describe('CSV cells', () => {
  it('quotes only what needs it and doubles quotes (RFC 4180)', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('one\nline feed')).toBe('"one\nline feed"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('turns every cell a spreadsheet would run as a formula into text with a leading single quote', () => {
    expect(['=1+1', '+31 20', '-2+3', '@SUM(A1)', '\tx', '\r=1'].map(csvCell)).toEqual([
      "'=1+1",
      "'+31 20",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      `"'\r=1"`,
    ]);
    expect(csvCell('=HYPERLINK("http://evil.test","x")')).toBe(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes records that read back exactly, CRLF ended', () => {
    const values = ['id', 'say "hi", then\nleave', '', '=cmd', 'ünïcødé'];
    const text = csvRecord(values) + csvRecord(['x', null, 'y', undefined, 'z']);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['id', 'say "hi", then\nleave', '', "'=cmd", 'ünïcødé'],
      ['x', '', 'y', '', 'z'],
    ]);
  });
});
