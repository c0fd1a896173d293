/**
 * Sheets written as a file with exceljs: xlsx (every sheet; Chinese headings, frozen header row,
 * auto-filter on) or CSV (one sheet, UTF-8 with a byte-order mark so that spreadsheet programs
 * read the Chinese). exceljs is loaded on first use: only the export needs it.
 */
import { PassThrough } from 'node:stream';

/** A sheet: its name, Chinese column headings, and rows of plain values. */
export interface Sheet {
  name: string;
  columns: { header: string; width: number }[];
  rows: (string | number | null)[][];
}

type ExcelJs = typeof import('exceljs');

async function workbookOf(sheets: readonly Sheet[]): Promise<InstanceType<ExcelJs['Workbook']>> {
  const { default: ExcelJS } = (await import('exceljs')) as unknown as { default: ExcelJs };
  const book = new ExcelJS.Workbook();
  book.creator = 'nianbao';
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return book;
}

/**
 * The sheets as one xlsx file, written row by row with exceljs's streaming writer (a year of
 * thousands of reports would otherwise hold every cell object in memory).
 */
export async function toXlsx(sheets: readonly Sheet[]): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = (await import('exceljs')) as unknown as { default: ExcelJs };
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  book.creator = 'nianbao';
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    ws.getRow(1).commit();
    for (const row of sheet.rows) ws.addRow(row).commit();
    ws.commit();
  }
  await book.commit();
  const out = Buffer.concat(chunks);
  return new Uint8Array(out.buffer.slice(out.byteOffset, out.byteOffset + out.length) as ArrayBuffer);
}

/** One sheet as CSV text (with a leading BOM). */
export async function toCsv(sheet: Sheet): Promise<string> {
  const book = await workbookOf([sheet]);
  const bytes = await book.csv.writeBuffer();
  return `\ufeff${new TextDecoder().decode(bytes)}`;
}
