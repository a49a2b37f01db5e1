// CSV that Swedish Excel opens as it should: UTF-8 with a byte-order mark, semicolons between
// fields, CRLF line ends, and quotes only where a field needs them.

function field(value: string | number): string {
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function excelCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\uFEFF${rows.map((row) => row.map(field).join(';')).join('\r\n')}\r\n`;
}
