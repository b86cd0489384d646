import type { Locale } from '../../src/lib/core/questionnaire.schema.js';
import { neutraliseFormula } from './formula-safety.js';
import type { Cell, Table } from './tables.js';

/**
 * CSV in the form spreadsheet programs open with a double click: UTF-8 with a byte order mark (else
 * Excel guesses a legacy code page and umlauts break), CRLF line ends (RFC 4180), and in German
 * workshops `;` between fields and a decimal comma (what German Excel expects), in English `,` and
 * a decimal point. Fields with the separator, quotes or line breaks are quoted; text that could
 * run as a formula is neutralised.
 */
export const CSV_BOM = '\uFEFF';

export type CsvDialect = { separator: string; decimal: string; date: (d: Date) => string };

const iso = (d: Date) => d.toISOString().slice(0, 10);
export const dialectOf = (locale: Locale): CsvDialect =>
	locale === 'de'
		? { separator: ';', decimal: ',', date: (d) => `${iso(d).slice(8, 10)}.${iso(d).slice(5, 7)}.${iso(d).slice(0, 4)}` }
		: { separator: ',', decimal: '.', date: iso };

export function quoteField(text: string, separator: string): string {
	return text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvCell(cell: Cell, dialect: CsvDialect): string {
	if (cell === null) return '';
	if (typeof cell === 'string') return quoteField(neutraliseFormula(cell), dialect.separator);
	if ('date' in cell) return dialect.date(cell.date);
	return String(cell.number).replace('.', dialect.decimal);
}

export function csvLines(rows: readonly (readonly string[])[], separator: string): string {
	return rows.map((row) => row.join(separator)).join('\r\n') + '\r\n';
}

/** One table as a CSV file (with BOM) in the workshop's dialect. */
export function tableCsv(table: Table, locale: Locale): string {
	const dialect = dialectOf(locale);
	const header = table.columns.map((c) => csvCell(c.header, dialect));
	return CSV_BOM + csvLines([header, ...table.rows.map((row) => row.map((cell) => csvCell(cell, dialect)))], dialect.separator);
}
