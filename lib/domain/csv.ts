// CSV that Swedish Excel opens as it should: UTF-8 with a byte-order mark, semicolons between
// fields, CRLF line ends, and quotes only where a field needs them.
//
// Text cells can come from other people (a member's display name, a plan's titles), so a text
// that begins like a formula (=, +, -, @, tab or carriage return) gets a leading ' and quotes,
// OWASP's rule against CSV injection: Excel then shows it as text instead of running it.
// Numbers are the code's own (minutes, counts) and stay numbers: the rule looks at the cell's
// type, not its text, so -3 stays a number while the text "-3" from a member is quoted.

const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text !== value || /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function excelCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\uFEFF${rows.map((row) => row.map(field).join(';')).join('\r\n')}\r\n`;
}
