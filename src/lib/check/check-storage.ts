import type { Answers } from '$lib/core/answers';

/**
 * What the solo check keeps in localStorage, per questionnaire version. `finished` is set once the
 * person has opened the result: "continue" then leads back to it, not to the last question.
 */
export type SavedCheck = { answers: Answers; index: number; startedAt: string; finished?: boolean };

const key = (id: string, version: string) => `standort:check:${id}@${version}`;

export function loadCheck(id: string, version: string): SavedCheck | undefined {
	try {
		const raw = localStorage.getItem(key(id, version));
		if (!raw) return undefined;
		const parsed = JSON.parse(raw) as Partial<SavedCheck>;
		if (typeof parsed !== 'object' || parsed === null || typeof parsed.answers !== 'object') return undefined;
		return {
			answers: parsed.answers ?? {},
			index: Number.isInteger(parsed.index) ? (parsed.index as number) : 0,
			startedAt: typeof parsed.startedAt === 'string' ? parsed.startedAt : new Date().toISOString(),
			...(parsed.finished === true ? { finished: true } : {})
		};
	} catch {
		// Private mode or a corrupted entry: start fresh rather than fail.
		return undefined;
	}
}

export function saveCheck(id: string, version: string, saved: SavedCheck): void {
	try {
		localStorage.setItem(key(id, version), JSON.stringify(saved));
	} catch {
		// Storage full or blocked: the check still works, it just cannot resume.
	}
}

export function clearCheck(id: string, version: string): void {
	try {
		localStorage.removeItem(key(id, version));
	} catch {
		/* nothing to clear */
	}
}
