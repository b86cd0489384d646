/** One cookie's value from a Cookie header (decoded), if present and not empty. */
export function readCookie(header: string | undefined, name: string): string | undefined {
	for (const part of (header ?? '').split(';')) {
		const [key, ...value] = part.trim().split('=');
		if (key === name) {
			try {
				return decodeURIComponent(value.join('=')) || undefined;
			} catch {
				return undefined;
			}
		}
	}
	return undefined;
}

/** The signed-in browser's session: HttpOnly, SameSite=Lax, Secure behind HTTPS. */
export const SESSION_COOKIE = 'standort_session';
