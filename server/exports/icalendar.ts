import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import { activeMeasures, measuresInOrder, type ReportData } from '../../src/lib/core/report.js';
import { monthLabel, monthStart } from '../../src/lib/core/roadmap.js';
import { reportText } from '../../src/lib/i18n/report.js';

/**
 * The roadmap as an iCalendar file (RFC 5545), written by hand: one all-day event per measure from
 * the first day of its first month to the last day of its last month (DTEND is exclusive: the first
 * day after), marked free time so it never blocks anyone's calendar. Dates are whole days computed
 * in UTC; the stamp is UTC. A measure keeps its UID, so importing a newer file updates the events.
 * Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character.
 */

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export const escapeText = (text: string): string => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** Splits a content line into lines of at most 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
	const out: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = Buffer.byteLength(char, 'utf8');
		// The first line holds 75 octets; a continuation line 74 after its leading space.
		if (octets + size > (out.length === 0 ? 75 : 74)) {
			out.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	out.push(current);
	return out.join('\r\n ');
}

const day = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');
const stamp = (iso: string) => `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;

export function roadmapCalendar(data: ReportData, q: Questionnaire): string {
	const t = reportText(data.language);
	const pick = (text: { de: string; en: string }) => text[data.language];
	const dimension = (id: string) => pick(q.dimensions.find((d) => d.id === id)?.label ?? { de: id, en: id });
	const start = data.outcome.roadmapStart;
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:-//Standort//Workshop roadmap//${data.language.toUpperCase()}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(`${data.title} – ${t.tables.measures.name}`)}`
	];
	for (const m of measuresInOrder(activeMeasures(data.outcome))) {
		const description = [
			`${t.task.dimension}: ${dimension(m.dimensionId)}`,
			`${t.task.kind}: ${t.kinds[m.kind]}`,
			`${t.task.months}: ${t.months(monthLabel(start, m.startMonth, t.locale, 'long'), monthLabel(start, m.endMonth, t.locale, 'long'))}`,
			...(m.metric ? [`${t.task.metric}: ${m.metric}`] : []),
			...(m.owner ? [`${t.task.owner}: ${m.owner}`] : []),
			`${t.task.status}: ${t.statuses[m.status]}`,
			t.task.from(data.title)
		].join('\n');
		lines.push(
			'BEGIN:VEVENT',
			`UID:${m.id}@standort`,
			`DTSTAMP:${stamp(data.exportedAt)}`,
			`DTSTART;VALUE=DATE:${day(monthStart(start, m.startMonth))}`,
			`DTEND;VALUE=DATE:${day(monthStart(start, m.endMonth + 1))}`,
			`SUMMARY:${escapeText(m.kind === 'quick-win' ? `${t.kinds['quick-win']}: ${m.title}` : m.title)}`,
			`DESCRIPTION:${escapeText(description)}`,
			`CATEGORIES:${[t.kinds[m.kind], dimension(m.dimensionId)].map(escapeText).join(',')}`,
			'TRANSP:TRANSPARENT',
			'END:VEVENT'
		);
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
