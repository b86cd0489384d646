/**
 * Month arithmetic of the 12-month roadmap. Months are numbered 1–12 from the roadmap's first
 * month (`YYYY-MM`, the month after the workshop). All dates are UTC, so a timeline never shifts
 * by a day with the viewer's time zone.
 */

/** The roadmap starts with the first full month after the workshop. */
export function roadmapStartOf(workshopDate: Date): string {
	const next = new Date(Date.UTC(workshopDate.getUTCFullYear(), workshopDate.getUTCMonth() + 1, 1));
	return `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first day of roadmap month `month` (1-based; 13 is the day after the roadmap ends). */
export function monthStart(roadmapStart: string, month: number): Date {
	const [year, first] = roadmapStart.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(year, first - 1 + month - 1, 1));
}

/** "Dez. 26" / "Dec 26": short month names in the session's language. */
export function monthLabel(roadmapStart: string, month: number, locale: string, style: 'short' | 'long' = 'short'): string {
	return new Intl.DateTimeFormat(locale, { month: style, year: style === 'short' ? '2-digit' : 'numeric', timeZone: 'UTC' }).format(monthStart(roadmapStart, month));
}

/** The last day of a measure that ends in `month`: due dates for calendars and task tools. */
export function monthEnd(roadmapStart: string, month: number): Date {
	return new Date(monthStart(roadmapStart, month + 1).getTime() - 24 * 60 * 60 * 1000);
}
