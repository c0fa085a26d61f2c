/** Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF records) into rows of cells: the tests' own reader, independent of the writer. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') {
      if (cell !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else if (char === '\n' || char === '\r') throw new Error(`a bare line break outside quotes at ${i}`);
    else cell += char;
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (cell !== '' || row.length) throw new Error('the last record does not end with CRLF');
  return rows;
}

/** The records as objects keyed by the header row. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(text);
  return records.map((record) => {
    if (record.length !== header.length) throw new Error(`a record of ${record.length} cells under ${header.length} headers`);
    return Object.fromEntries(header.map((name, i) => [name, record[i]]));
  });
}
