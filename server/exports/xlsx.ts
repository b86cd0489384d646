import ExcelJS from 'exceljs';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import type { ReportData } from '../../src/lib/core/report.js';
import { neutraliseFormula } from './formula-safety.js';
import { exportTables, type Cell, type NumberFormat } from './tables.js';

/**
 * The Excel workbook: one sheet per table, numbers as real numbers with a number format (Excel
 * shows them with the reader's decimal separator: 2,67 in a German Excel), dates as real dates in
 * the workshop's convention, text neutralised against formula injection. Header rows stay in view
 * and carry filters, so the figures can be sorted and pivoted at once.
 */
const NUMBER_FORMATS: Record<NumberFormat, string> = { integer: '0', decimal: '0.00', share: '0%' };
const DATE_FORMAT = { de: 'dd.mm.yyyy', en: 'dd mmm yyyy' } as const;

/** Excel refuses sheet names over 31 characters or with `[]:*?/\`. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export async function workbookOf(data: ReportData, q: Questionnaire): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Standort';
	workbook.title = data.title;
	workbook.created = new Date(data.exportedAt);
	const dateFormat = DATE_FORMAT[data.language];
	const valueOf = (cell: Cell): ExcelJS.CellValue => {
		if (cell === null) return null;
		if (typeof cell === 'string') return neutraliseFormula(cell);
		if ('date' in cell) return cell.date;
		return cell.number;
	};
	for (const table of exportTables(data, q)) {
		const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.columns = table.columns.map((c) => ({ header: neutraliseFormula(c.header), width: c.width }));
		const header = sheet.getRow(1);
		header.font = { bold: true };
		header.alignment = { vertical: 'top', wrapText: true };
		header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEAEEF3' } }));
		for (const cells of table.rows) {
			const row = sheet.addRow(cells.map(valueOf));
			cells.forEach((cell, i) => {
				if (cell === null || typeof cell === 'string') return;
				row.getCell(i + 1).numFmt = 'date' in cell ? dateFormat : NUMBER_FORMATS[cell.format];
			});
		}
		if (table.rows.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
