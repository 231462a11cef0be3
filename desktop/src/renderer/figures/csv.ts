// CSV export of one figure's table (RFC 4180: CRLF, fields with a comma, quote or line break quoted,
// quotes doubled), with the spreadsheet formula guard: a cell such as "=HYPERLINK(…)" from a space
// name must not run when the file is opened, so a leading = + - @ tab or CR gets a ' first (as
// OWASP advises). Why by hand: papaparse's types pull Node's typings into the renderer's program,
// and these dozen lines are all the app needs; the tests pin the rules.

export interface Column<Row> {
  key: string;
  label: string;
  value: (row: Row) => string | number | null;
}

/** The label of a suppressed figure (fewer than five people), in tables and CSV alike. */
export const SUPPRESSED = 'fewer than 5 people';

function cell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  const lines = [columns.map((c) => cell(c.label)), ...rows.map((r) => columns.map((c) => cell(c.value(r) ?? SUPPRESSED)))];
  return lines.map((l) => l.join(',')).join('\r\n');
}

/** Offers `csv` as a file download (a Blob URL, so it works offline and without the relay). */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
