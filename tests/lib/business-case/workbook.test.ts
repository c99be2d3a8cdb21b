// @vitest-environment node
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { businessCaseModel } from '@/lib/business-case/model';
import { INPUTS, MONEY, PERCENT, writeBusinessCase } from '@/lib/business-case/write-xlsx';
import { SPEND_LINE_IDS } from '@/lib/spend/schema';
import { readZipEntry } from '@/lib/dataset/ods';
import { sampleInput, spendFile } from './sample';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

const formula = (cell: ExcelJS.Cell) => (cell.value as ExcelJS.CellFormulaValue | null)?.formula ?? null;

describe('the business case workbook', () => {
  test('has the three sheets, the council and the service’s spending by year in pounds', async () => {
    const model = businessCaseModel(sampleInput());
    const book = await readBack(await writeBusinessCase(model));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Local figures', 'Your case', 'Notes']);
    const local = book.getWorksheet('Local figures')!;
    expect(local.getCell('B4').value).toBe('Leeds City Council');
    expect(local.getCell('B7').value).toBe('Adult social care');
    const leeds = spendFile.councils.find((c) => c.code === 'LDS')!;
    const asc = SPEND_LINE_IDS.indexOf('asc');
    leeds.years.forEach((y, k) => {
      expect(local.getCell(12 + k, 1).value).toBe(y.year);
      if (y.status === 'published') {
        expect(local.getCell(12 + k, 2).value).toBe(y.net[asc]! * 1000);
        expect(local.getCell(12 + k, 2).numFmt).toBe(MONEY);
        expect(formula(local.getCell(12 + k, 5))).toBe(`IF(AND(ISNUMBER(B${12 + k}),$B$6>0),B${12 + k}/$B$6,"")`);
      }
    });
  });

  test('lists the savings items and only the contracts ending in the next 24 months, with their sources', async () => {
    const book = await readBack(await writeBusinessCase(businessCaseModel(sampleInput())));
    const values = book.getWorksheet('Local figures')!.getSheetValues().flat().filter((v) => typeof v === 'string' || typeof v === 'number');
    expect(values).toContain('Reablement redesign to reduce long-term home care');
    expect(values).toContain(1_200_000);
    expect(values).toContain('https://democracy.example.gov.uk/budget-2027.pdf');
    expect(values).toContain('Home care framework lot 2');
    expect(values).not.toContain('Day services'); // ends in 2030, beyond 24 months
  });

  test('“Your case” has yellow input cells and real formulas linked to the local figures', async () => {
    const bytes = await writeBusinessCase(businessCaseModel(sampleInput()));
    const book = await readBack(bytes);
    const sheet = book.getWorksheet('Your case')!;
    for (const input of INPUTS) {
      expect(sheet.getCell(input.row, 2).value).toBe(input.value);
      expect((sheet.getCell(input.row, 2).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    }
    // The latest published year of Leeds is the last spend row (2024-25, row 15).
    expect(formula(sheet.getCell('B13'))).toBe("'Local figures'!B15");
    expect(formula(sheet.getCell('B14'))).toBe("'Local figures'!B6");
    expect(formula(sheet.getCell('B18'))).toBe('B8*B9');
    expect(formula(sheet.getCell('B19'))).toBe('B18-B5');
    expect(formula(sheet.getCell('B22'))).toBe('3*B19-B6');
    expect(formula(sheet.getCell('B23'))).toBe('5*B19-B6');
    expect(formula(sheet.getCell('B25'))).toMatch(/^IF\(B19>0,B6\/B19\*12,/);
    expect(formula(sheet.getCell('E35'))).toBe('E34+D35');
    expect(sheet.getCell('B20').numFmt).toBe(PERCENT);
    expect(sheet.getCell('B23').numFmt).toBe(MONEY);
    // No cached results: every client computes the figures itself.
    expect((sheet.getCell('B18').value as ExcelJS.CellFormulaValue).result).toBeUndefined();
    expect(Buffer.from(readZipEntry(bytes, 'xl/workbook.xml')).toString('utf8')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  test('Notes give the timing verdict, its evidence and the source of every figure', async () => {
    const book = await readBack(await writeBusinessCase(businessCaseModel(sampleInput())));
    const text = book.getWorksheet('Notes')!.getColumn(1).values.filter((v) => typeof v === 'string').join('\n');
    // 2026-12-06 is in 2026/27, the year before the 2027/28 saving: the redesign year.
    expect(text).toContain('Redesign year: savings of £1.2m in Adult social care are planned for 2027/28.');
    expect(text).toContain('Contract ending 2027-09-30: Home care framework lot 2 (Example Care Ltd)');
    expect(text).toContain('MHCLG Revenue Outturn');
    expect(text).toContain('one file a year');
    // Each year names its own file: 2021-22 the only copy (CSV), 2024-25 the ODS workbook.
    const local = book.getWorksheet('Local figures')!;
    expect(String(local.getCell('G12').value)).toContain('RSX_2021-22_data_by_LA_Live.csv');
    expect(String(local.getCell('G15').value)).toContain('RSX_LA_Data_2024-25_data_by_LA.ods');
    expect(text).toContain('mySociety');
  });

  test('a service with no spend line of its own says whose line the figures are', async () => {
    const model = businessCaseModel(sampleInput('LDS', { id: 'digital-ict', label: 'Digital, ICT and data' }));
    expect(model.spendNote).toBe('Digital, ICT and data has no spend line of its own: these are central services, which it shares with other services.');
    expect(model.spend.every((r) => r.lineLabel === 'Central services')).toBe(true);
  });

  test('Scottish children’s social care uses the social work line and says so', () => {
    const model = businessCaseModel(sampleInput('GLG', { id: 'childrens-social-care', label: "Children's social care and early help" }));
    expect(model.spendNote).toContain('Social work for children and adults is one line');
    expect(model.spend.at(-1)!.lineLabel).toBe('Adult social care');
    expect(model.spend.at(-1)!.net).toBeGreaterThan(0);
  });
});
