/** The cookie that keeps a phone's resume token where its browser refuses storage. */
export const resumeCookieName = (code: string) => `standort_resume_${code}`;

/** The resume token a handshake's Cookie header carries for this workshop, if any. */
export function resumeTokenFromCookies(cookieHeader: string | undefined, code: string): string | undefined {
	const name = resumeCookieName(code);
	for (const part of (cookieHeader ?? '').split(';')) {
		const [key, ...value] = part.trim().split('=');
		if (key === name) return decodeURIComponent(value.join('=')) || undefined;
	}
	return undefined;
}
