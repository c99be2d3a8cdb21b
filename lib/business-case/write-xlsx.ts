import ExcelJS from 'exceljs';
import type { BusinessCaseModel } from './model';

/**
 * Writes the business case as an .xlsx workbook with exceljs: "Local figures" (the council, its
 * spending on the service by year, savings items, contracts ending, open tenders), "Your case"
 * (input cells and invest-to-save formulas over 3 and 5 years, linked to the local figures) and
 * "Notes" (timing verdict and evidence, where each figure came from).
 *
 * Formulas carry no cached results and the workbook asks for a full calculation on load, so
 * Excel, LibreOffice and Google Sheets compute every figure themselves.
 * Loaded lazily by the business-case page: exceljs never reaches a content script.
 */
export async function writeBusinessCase(model: BusinessCaseModel): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Council Lens';
  workbook.created = new Date(`${model.today}T12:00:00Z`);
  workbook.modified = workbook.created;
  workbook.calcProperties.fullCalcOnLoad = true;
  const local = workbook.addWorksheet('Local figures');
  const latestRow = writeLocalFigures(local, model);
  writeYourCase(workbook.addWorksheet('Your case'), model, latestRow);
  writeNotes(workbook.addWorksheet('Notes'), model);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Money in whole pounds, negatives in red. */
export const MONEY = '"£"#,##0;[Red]-"£"#,##0';
export const PERCENT = '0.00%';
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const LOCAL = "'Local figures'";

function heading(sheet: ExcelJS.Worksheet, row: number, text: string, size = 12): void {
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { bold: true, size };
}

function header(sheet: ExcelJS.Worksheet, row: number, labels: string[]): void {
  labels.forEach((label, k) => {
    const cell = sheet.getCell(row, k + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.border = { bottom: { style: 'thin' } };
  });
}

/** Writes "Local figures"; returns the row of the latest published net spending (or null). */
function writeLocalFigures(sheet: ExcelJS.Worksheet, model: BusinessCaseModel): number | null {
  sheet.columns = [{ width: 34 }, { width: 20 }, { width: 20 }, { width: 18 }, { width: 18 }, { width: 16 }, { width: 60 }];
  heading(sheet, 1, model.title, 14);
  sheet.getCell('A2').value = `Written by Council Lens on ${model.today}. Where each figure comes from: see Notes.`;
  const facts: [string, string | number | null][] = [
    ['Council', model.councilName],
    ['Type', model.typeLabel],
    ['Population', model.population],
    ['Service', model.serviceLabel],
    ['What the spending figures are', model.spendNote],
  ];
  facts.forEach(([label, value], k) => {
    sheet.getCell(4 + k, 1).value = label;
    sheet.getCell(4 + k, 2).value = value;
  });
  sheet.getCell('B6').numFmt = '#,##0';

  heading(sheet, 10, 'Spending by year');
  header(sheet, 11, ['Year', 'Net current expenditure (£)', 'Total expenditure (£)', 'Income (£)', 'Net per resident (£)', 'Status', 'Source']);
  let row = 12;
  let latest: number | null = null;
  for (const s of model.spend) {
    sheet.getCell(row, 1).value = s.year;
    if (s.status === 'published') {
      for (const [col, value] of [[2, s.net], [3, s.expenditure], [4, s.income]] as const) {
        const cell = sheet.getCell(row, col);
        cell.value = value;
        cell.numFmt = MONEY;
      }
      const perResident = sheet.getCell(row, 5);
      perResident.value = { formula: `IF(AND(ISNUMBER(B${row}),$B$6>0),B${row}/$B$6,"")` } as ExcelJS.CellFormulaValue;
      perResident.numFmt = '"£"#,##0.00';
      sheet.getCell(row, 6).value = 'published';
      if (s.net !== null) latest = row;
    } else {
      sheet.getCell(row, 6).value = 'not submitted';
    }
    sheet.getCell(row, 7).value = s.source;
    row++;
  }
  if (model.spend.length === 0) sheet.getCell(row++, 1).value = model.spendSource;

  row = listTable(sheet, row + 1, 'Savings programme items for this service', ['Year', 'Kind', 'Amount (£)', 'Status', 'Description', '', 'Source'],
    model.savings.map((s) => [s.year, s.kind, s.amount, s.status, s.description, null, s.source]),
    'None recorded yet: add them from the council’s budget papers in Council Lens.');
  row = listTable(sheet, row + 1, 'Contracts in this service ending in the next 24 months', ['Supplier', 'Contract', 'Value (£)', 'Ends (with extensions)', '', '', 'Source'],
    model.contracts.map((c) => [c.supplier, c.title, c.value, c.end, null, null, c.source]),
    'None in the local cache.');
  listTable(sheet, row + 1, 'Open and coming-to-market notices', ['Notice', '', 'Value (£)', 'Deadline', '', '', 'Source'],
    model.tenders.map((t) => [t.title, null, t.value, t.deadline, null, null, t.source]),
    'None in the local cache.');
  return latest;
}

/** A titled list under the spending table, its third column money; returns the next free row. */
function listTable(sheet: ExcelJS.Worksheet, first: number, title: string, labels: string[], rows: ExcelJS.CellValue[][], empty: string): number {
  let row = first;
  heading(sheet, row++, title);
  header(sheet, row++, labels);
  if (rows.length === 0) sheet.getCell(row++, 1).value = empty;
  for (const values of rows) {
    sheet.getRow(row).values = values;
    sheet.getCell(row, 3).numFmt = MONEY;
    row++;
  }
  return row;
}

/** The input cells of "Your case", by row: label, example value, number format. */
export const INPUTS = [
  { row: 5, label: 'Your annual cost (£ a year)', value: 40_000, numFmt: MONEY },
  { row: 6, label: 'One-off cost (£)', value: 25_000, numFmt: MONEY },
  { row: 7, label: 'The unit your product saves', value: 'hour of staff time', numFmt: undefined },
  { row: 8, label: 'Saving per unit (£)', value: 12, numFmt: '"£"#,##0.00' },
  { row: 9, label: 'Units saved per year', value: 10_000, numFmt: '#,##0' },
  { row: 10, label: 'Years for the case', value: 5, numFmt: '0' },
] as const;

function writeYourCase(sheet: ExcelJS.Worksheet, model: BusinessCaseModel, latestRow: number | null): void {
  sheet.columns = [{ width: 52 }, { width: 20 }, { width: 18 }, { width: 18 }, { width: 18 }];
  heading(sheet, 1, `Your case: invest to save, ${model.serviceLabel} at ${model.councilName}`, 14);
  sheet.getCell('A2').value = 'Change the yellow cells (the figures in them are an example); everything else is a formula.';
  heading(sheet, 4, 'Your inputs');
  for (const input of INPUTS) {
    sheet.getCell(input.row, 1).value = input.label;
    const cell = sheet.getCell(input.row, 2);
    cell.value = input.value;
    cell.fill = INPUT_FILL;
    if (input.numFmt) cell.numFmt = input.numFmt;
  }

  heading(sheet, 12, 'Local figures');
  const f = (formula: string) => ({ formula }) as ExcelJS.CellFormulaValue;
  const lines: [number, string, ExcelJS.CellValue, string][] = [
    [13, 'Service net spending, latest year (£)', latestRow ? f(`${LOCAL}!B${latestRow}`) : null, MONEY],
    [14, 'Population', f(`${LOCAL}!B6`), '#,##0'],
    [15, 'Service net spending per resident (£)', f('IF(AND(ISNUMBER(B13),B14>0),B13/B14,"")'), '"£"#,##0.00'],
    [17, 'The case', null, ''],
    [18, 'Gross saving per year (£)', f('B8*B9'), MONEY],
    [19, 'Net saving per year (£)', f('B18-B5'), MONEY],
    [20, "Net saving as a share of the service's spending", f('IF(AND(ISNUMBER(B13),B13>0),B19/B13,"")'), PERCENT],
    [21, 'Net saving per resident per year (£)', f('IF(B14>0,B19/B14,"")'), '"£"#,##0.00'],
    [22, 'Cumulative net saving over 3 years (£)', f('3*B19-B6'), MONEY],
    [23, 'Cumulative net saving over 5 years (£)', f('5*B19-B6'), MONEY],
    [24, 'Cumulative net saving over your years (£)', f('B10*B19-B6'), MONEY],
    [25, 'Payback (months)', f('IF(B19>0,B6/B19*12,"no payback: the yearly saving does not cover the yearly cost")'), '0.0'],
    [26, 'Return over 5 years (net saving for each £1 spent)', f('IF(B6+5*B5>0,(5*B18)/(B6+5*B5),"")'), '0.00'],
  ];
  for (const [row, label, value, numFmt] of lines) {
    sheet.getCell(row, 1).value = label;
    if (row === 17) {
      sheet.getCell(row, 1).font = { bold: true, size: 12 };
      continue;
    }
    const cell = sheet.getCell(row, 2);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
  }

  heading(sheet, 28, 'Year by year');
  header(sheet, 29, ['Year', 'Cost (£)', 'Gross saving (£)', 'Net (£)', 'Cumulative (£)']);
  for (let year = 0; year <= 5; year++) {
    const row = 30 + year;
    sheet.getCell(row, 1).value = year;
    sheet.getCell(row, 2).value = f(year === 0 ? '$B$6' : '$B$5');
    sheet.getCell(row, 3).value = year === 0 ? 0 : f('$B$18');
    sheet.getCell(row, 4).value = f(`C${row}-B${row}`);
    sheet.getCell(row, 5).value = f(year === 0 ? `D${row}` : `E${row - 1}+D${row}`);
    for (let col = 2; col <= 5; col++) sheet.getCell(row, col).numFmt = MONEY;
  }
}

function writeNotes(sheet: ExcelJS.Worksheet, model: BusinessCaseModel): void {
  sheet.columns = [{ width: 120 }];
  heading(sheet, 1, 'Notes', 14);
  heading(sheet, 3, 'Timing');
  let row = 4;
  sheet.getCell(row++, 1).value = model.timingVerdict;
  if (model.timingNext) sheet.getCell(row++, 1).value = model.timingNext;
  for (const line of model.timingEvidence) sheet.getCell(row++, 1).value = line;
  row++;
  heading(sheet, row++, 'Where each figure came from');
  for (const note of model.notes) sheet.getCell(row++, 1).value = note;
  sheet.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
}
