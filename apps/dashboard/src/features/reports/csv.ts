/**
 * A table as CSV (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled. A
 * byte-order mark leads, so that spreadsheet programs read Kazakh and Russian letters as UTF-8.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const field = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Offers the rows as a file to save. */
export function downloadCsv(fileName: string, rows: ReadonlyArray<ReadonlyArray<string | number | null>>): void {
  saveFile(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }), fileName);
}

/** Offers a file the page made or fetched to save, as a download. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled; the download has its own copy by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
