import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { NETWORK_TIME_ZONE } from '../common/dates.js';
import type { CellType, TabularSource } from './tabular-source.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How often the writer stops to let the response drain. */
const ROWS_PER_CHECK = 100;

const NUMBER_FORMATS: Partial<Record<CellType, string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm:ss' };

/**
 * Writes a table as one XLSX worksheet with exceljs's streaming writer: a bold header row that
 * stays in view (frozen), then typed cells — numbers, booleans, days and moments as dates, the
 * rest as text. Rows are committed as they come and never kept; the writer waits whenever the
 * response's buffer is full, so memory stays flat however long the table is.
 */
export async function writeXlsx(source: TabularSource, out: Writable, sheetName: string): Promise<void> {
  // Loaded by the first XLSX export, not at start: exceljs took ~9 MB of heap and ~39 MB of RSS in
  // every API process, most of which never writes a workbook.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = source.columns.map((column) => ({
    key: column.key,
    width: Math.min(60, Math.max(10, column.label.length + 2, column.type === 'datetime' ? 20 : 0)),
    ...(NUMBER_FORMATS[column.type] ? { style: { numFmt: NUMBER_FORMATS[column.type]! } } : {}),
  }));
  const header = sheet.addRow(source.columns.map((column) => column.label));
  header.font = { bold: true };
  header.commit();

  const types = source.columns.map((column) => column.type);
  let count = 0;
  for await (const row of source.rows()) {
    sheet.addRow(row.map((value, index) => cell(value, types[index] ?? 'text'))).commit();
    if (++count % ROWS_PER_CHECK === 0) await drained(out);
  }
  sheet.commit();
  await workbook.commit();
}

/** Resolves once `out` can take more; rejects if it closes first (the client went away). */
async function drained(out: Writable): Promise<void> {
  if (out.destroyed) throw new Error('The download was closed before it ended.');
  if (!out.writableNeedDrain) return;
  const controller = new AbortController();
  try {
    await Promise.race([
      once(out, 'drain', { signal: controller.signal }),
      once(out, 'close', { signal: controller.signal }).then(() => {
        throw new Error('The download was closed before it ended.');
      }),
    ]);
  } finally {
    controller.abort();
  }
}

type CellValue = string | number | boolean | Date | null;

function cell(value: unknown, type: CellType): CellValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'integer':
    case 'number': {
      const number = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(number) ? number : String(value);
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : String(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : String(value);
    case 'datetime': {
      const moment = typeof value === 'string' ? new Date(value) : undefined;
      return moment && !Number.isNaN(moment.getTime()) ? networkWallTime(moment) : String(value);
    }
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: NETWORK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * A spreadsheet's date has no time zone: a moment is shown as the network's clock showed it
 * (Asia/Almaty), as a reader in any centre expects. exceljs writes a Date by its UTC fields, so
 * the result carries the wall-clock time in those fields.
 */
function networkWallTime(moment: Date): Date {
  const parts = Object.fromEntries(wallClock.formatToParts(moment).map((part) => [part.type, part.value]));
  return new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second), moment.getUTCMilliseconds()));
}
