/**
 * The facilitator's key to a workshop, kept in this browser so a reload or the next day works
 * without the link. It expires after `MAX_IDLE_DAYS` without use, so a borrowed or shared laptop
 * does not keep control of a workshop for ever; each use renews it.
 */
export const MAX_IDLE_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;
const key = (code: string) => `standort:facilitator:${code}`;
type Stored = { token: string; usedAt: number };

export function saveToken(code: string, token: string, now = Date.now()): void {
	try {
		localStorage.setItem(key(code), JSON.stringify({ token, usedAt: now } satisfies Stored));
	} catch {
		/* storage blocked: the link still works for this page */
	}
}

/** The stored token, or undefined when there is none or it expired (then it is removed). */
export function loadToken(code: string, now = Date.now()): string | undefined {
	try {
		const raw = localStorage.getItem(key(code));
		if (!raw) return undefined;
		// Before expiry existed the bare token was stored; it counts as used today.
		const stored: Stored = raw.startsWith('{') ? (JSON.parse(raw) as Stored) : { token: raw, usedAt: now };
		if (typeof stored.token !== 'string' || now - stored.usedAt > MAX_IDLE_DAYS * DAY) {
			localStorage.removeItem(key(code));
			return undefined;
		}
		return stored.token;
	} catch {
		return undefined;
	}
}

export function forgetToken(code: string): void {
	try {
		localStorage.removeItem(key(code));
	} catch {
		/* nothing stored */
	}
}
