import type { DimensionFigure } from '$lib/core/aggregation';
import type { Questionnaire } from '$lib/core/questionnaire.schema';
import type { ReportData, ReportGroup } from '$lib/core/report';
import { monthLabel } from '$lib/core/roadmap';
import { reportText, type ReportMessages } from '$lib/i18n/report';

/**
 * Everything the report's parts need to name and format things, always in the workshop's language
 * (the report is written for the client, whatever language the facilitator's browser uses).
 */
export type ReportView = ReturnType<typeof reportView>;

export function reportView(data: ReportData, q: Questionnaire) {
	const t: ReportMessages = reportText(data.language);
	const pick = (text: { de: string; en: string }) => text[data.language];
	const r = data.results;
	const shownGroups = r ? data.groups.filter((g) => r.groups[g.id] && !r.groups[g.id]!.suppressed) : [];
	return {
		data,
		q,
		t,
		r,
		pick,
		lang: data.language,
		fmt: (n: number) => n.toLocaleString(t.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
		level: (v: number | null | undefined) => (v ? pick(q.levels[v - 1]!.label) : t.open),
		dimensionLabel: (id: string | null) => (id ? pick(q.dimensions.find((d) => d.id === id)?.label ?? { de: id, en: id }) : ''),
		shortLabel: (id: string) => pick(q.dimensions.find((d) => d.id === id)?.short ?? { de: id, en: id }),
		groupLabel: (id: string) => data.groups.find((g) => g.id === id)?.label ?? id,
		/** Index of a group in the session's order: its colour and marker everywhere. */
		groupIndex: (id: string) => data.groups.findIndex((g) => g.id === id),
		shownGroups,
		suppressedGroups: r ? data.groups.filter((g) => r.groups[g.id]?.suppressed) : ([] as ReportGroup[]),
		figure: (groupId: string, dimensionId: string): DimensionFigure | undefined =>
			groupId === 'everyone' ? r?.everyone.dimensions?.[dimensionId] : r?.groups[groupId]?.dimensions?.[dimensionId],
		day: (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).toLocaleDateString(t.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
		month: (m: number, style: 'short' | 'long' = 'short') => monthLabel(data.outcome.roadmapStart, m, t.locale, style),
		/** Dimensions in the order the room discussed them: the agenda's, else the questionnaire's. */
		agendaOrder: r?.agenda?.map((a) => a.dimensionId) ?? q.dimensions.map((d) => d.id)
	};
}
