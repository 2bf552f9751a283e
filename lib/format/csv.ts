// CSV for spreadsheets (RFC 4180), safe to open: a cell a spreadsheet would run as a formula is neutralised.

/** Characters a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted; text that starts like a formula gets a leading apostrophe so it shows as text. */
export function csvCell(value: string | number | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvRow(values: readonly (string | number | undefined | null)[]): string {
  return values.map(csvCell).join(',');
}
