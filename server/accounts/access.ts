/**
 * Who may control a workshop, and which cookie-authenticated requests are same-origin: small pure
 * rules with a table of tests each (`access.spec.ts`).
 */

export type WorkshopAccess = 'owner' | 'co-facilitator' | 'token';

/**
 * The owner's account, an account it was shared with, or whoever holds the facilitator token (the
 * link works as before accounts existed). Anyone else gets nothing — and is told "not found", so
 * no account can learn which codes exist.
 */
export function workshopAccess(f: { ownerAccountId: string | null; accountId: string | undefined; sharedWithAccount: boolean; tokenValid: boolean }): WorkshopAccess | undefined {
	if (f.accountId && f.ownerAccountId === f.accountId) return 'owner';
	if (f.accountId && f.sharedWithAccount) return 'co-facilitator';
	if (f.tokenValid) return 'token';
	return undefined;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A cookie-authenticated request that changes state must come from this site's own pages:
 * browsers send `Origin` with every cross-site POST/PUT/PATCH/DELETE (and `Sec-Fetch-Site`), so a
 * foreign origin is refused. Requests without a cookie (Bearer tokens, scripts) are not at risk.
 */
export function csrfRefusal(r: { method: string; origin: string | undefined; ownOrigins: readonly string[]; secFetchSite: string | undefined; cookieAuth: boolean }): string | undefined {
	if (!r.cookieAuth || SAFE.has(r.method.toUpperCase())) return undefined;
	if (r.origin !== undefined && r.origin !== 'null') return r.ownOrigins.includes(r.origin) ? undefined : 'cross-origin request';
	if (r.origin === 'null') return 'opaque origin';
	// No Origin: old browsers or non-browser clients; a browser that says cross-site is refused.
	return r.secFetchSite === 'cross-site' ? 'cross-site request' : undefined;
}
