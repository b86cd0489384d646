import type { AnswerSubmitPayload } from '$lib/protocol';

/** What a phone keeps per workshop so that a reload, a locked screen or a lost connection loses nothing. */
export type ParticipantMemory = {
	groupId?: string;
	resumeToken?: string;
	index: number;
	/** Answers given but not yet acknowledged by the server, oldest first. */
	queue: AnswerSubmitPayload[];
	/** The person's own answers as last known, so the screen is right even before reconnecting. */
	answers: Record<string, string | null>;
	/** The person reached the thank-you screen (and the results that follow there). */
	done: boolean;
};

const key = (code: string) => `standort:participant:${code}`;

export function loadMemory(code: string): ParticipantMemory {
	try {
		const raw = JSON.parse(localStorage.getItem(key(code)) ?? 'null') as Partial<ParticipantMemory> | null;
		if (raw && typeof raw === 'object')
			return {
				groupId: typeof raw.groupId === 'string' ? raw.groupId : undefined,
				resumeToken: typeof raw.resumeToken === 'string' ? raw.resumeToken : undefined,
				index: Number.isInteger(raw.index) ? (raw.index as number) : 0,
				queue: Array.isArray(raw.queue) ? raw.queue : [],
				answers: raw.answers && typeof raw.answers === 'object' ? raw.answers : {},
				done: raw.done === true
			};
	} catch {
		/* blocked or corrupted storage: start fresh */
	}
	return { index: 0, queue: [], answers: {}, done: false };
}

/** Forgets everything this phone kept about the workshop (the next person starts fresh). */
export function forgetMemory(code: string): void {
	try {
		for (const k of [key(code), `standort:ideas:${code}`]) localStorage.removeItem(k);
	} catch {
		/* nothing stored */
	}
}

/** Stores the memory; false when the browser refuses storage (private modes, blocked site data). */
export function saveMemory(code: string, memory: ParticipantMemory): boolean {
	try {
		localStorage.setItem(key(code), JSON.stringify(memory));
		return true;
	} catch {
		return false; // the session still works while the page stays open
	}
}

/**
 * Where storage is refused, the server keeps the resume token in an HttpOnly cookie instead, so a
 * reload is still the same person and not a second one. `token: undefined` removes it.
 */
export async function keepResumeCookie(code: string, token: string | undefined): Promise<void> {
	await fetch(`/api/sessions/${code}/resume`, {
		method: token ? 'POST' : 'DELETE',
		headers: { 'content-type': 'application/json' },
		...(token ? { body: JSON.stringify({ token }) } : {})
	}).catch(() => undefined);
}
