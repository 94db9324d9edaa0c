import ExcelJS from 'exceljs';

/** The persons of the sheet: synthetic names only. */
export const WORKING_SHEET: (string | Date)[][] = [
  [
    'Тестенко Олександр Петрович',
    '12.03.1990',
    'ч',
    new Date(Date.UTC(2022, 2, 20)),
    'СІЗО-2 Таганрог',
  ],
  [
    'Пробенко Іван Васильович',
    new Date(Date.UTC(1985, 6, 1)),
    'чол.',
    '2022-04-02',
    'Курське СІЗО №1',
  ],
  ['Зразкова Марія Іванівна', '1979', 'ж', '03.2022', 'Виправна колонія на Місяці'],
];

/**
 * A documenter's working sheet as they keep it: a title merged across the columns, a blank
 * row, Ukrainian headers with no source and no id column, dates typed several ways and one
 * real Excel date cell, a place no gazetteer knows, and a total row at the bottom. Rows
 * 1 (title), 2 (blank), 3 (headers), 4–6 (the persons), 7 (total).
 */
export async function workingSheet(rows: (string | Date)[][] = WORKING_SHEET): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  const headers = ['ПІБ', 'Дата народження', 'Стать', 'Дата полону', 'Місце утримання'];
  ws.addRow(['Список полонених — робочий, оновлено вручну', '', '', '', '']);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.addRow([]);
  ws.addRow(headers);
  for (const row of rows) ws.addRow(row);
  // Every cell of a table row is written ('' for the empty ones): the XLSX reader does not
  // take sparse rows yet. The blank row above is read already.
  ws.addRow([`Всього: ${rows.length}`, '', '', '', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
