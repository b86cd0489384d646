/** How the cross-checks report a problem: the JSON path (as zod paths) and a plain message. */
export type IssuePath = (string | number)[];
export type ReportIssue = (path: IssuePath, message: string) => void;

/** Reports every repeated `id` at its position and returns the set of ids. */
export function uniqueIds(items: readonly { id: string }[] | undefined, path: IssuePath, what: string, issue: ReportIssue): Set<string> {
	const seen = new Set<string>();
	items?.forEach((item, i) => {
		if (seen.has(item.id)) issue([...path, i, 'id'], `duplicate ${what} "${item.id}"`);
		seen.add(item.id);
	});
	return seen;
}
