import JSZip from 'jszip';

/**
 * Readers for the export files, written independently of the exporters: an RFC 4180 CSV parser,
 * the text and chart values of a PowerPoint file, and an iCalendar unfolder. Tests read the files
 * back with these and compare what they find with the results API.
 */

/** Parses CSV with quoted fields (doubled quotes, separators and line breaks inside quotes). */
export function parseCsv(text: string, separator: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === separator) {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += c;
	}
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/** A CSV file as objects keyed by its header (a repeated header keeps its first column). */
export function csvRecords(text: string, separator: string): Record<string, string>[] {
	const [header = [], ...rows] = parseCsv(text, separator);
	return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''] as const).reverse()));
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export type Deck = {
	slides: { xml: string; texts: string[] }[];
	charts: { xml: string; series: string[]; values: number[][] }[];
	files: string[];
};

/** Opens a .pptx: every slide's text runs in order, and every chart's series names and values. */
export async function readDeck(buffer: Buffer): Promise<Deck> {
	const zip = await JSZip.loadAsync(buffer);
	const files = Object.keys(zip.files);
	const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
	const slideNames = files.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).sort((a, b) => number(a) - number(b));
	const chartNames = files.filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).sort((a, b) => number(a) - number(b));
	const slides = await Promise.all(
		slideNames.map(async (name) => {
			const xml = await zip.file(name)!.async('string');
			return { xml, texts: [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescapeXml(m[1]!)) };
		})
	);
	const charts = await Promise.all(
		chartNames.map(async (name) => {
			const xml = await zip.file(name)!.async('string');
			const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]!);
			return {
				xml,
				series: series.map((s) => unescapeXml(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(s)?.[1] ?? '')),
				values: series.map((s) => [...(/<c:val>([\s\S]*?)<\/c:val>/.exec(s)?.[1] ?? '').matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => (m[1] === '' ? NaN : Number(m[1]))))
			};
		})
	);
	return { slides, charts, files };
}

/** An iCalendar file's content lines, unfolded (RFC 5545 §3.1), and its events as property maps. */
export function readCalendar(text: string) {
	const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
	const events: Record<string, string>[] = [];
	let current: Record<string, string> | undefined;
	for (const line of lines) {
		if (line === 'BEGIN:VEVENT') current = {};
		else if (line === 'END:VEVENT') {
			events.push(current!);
			current = undefined;
		} else if (current) {
			const colon = line.indexOf(':');
			current[line.slice(0, colon)] = line.slice(colon + 1);
		}
	}
	return { lines, events };
}

/** A TEXT value of iCalendar back to plain text. */
export const unescapeIcs = (value: string) => value.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');
