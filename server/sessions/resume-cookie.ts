import { readCookie } from '../http/cookies.js';

/** The cookie that keeps a phone's resume token where its browser refuses storage. */
export const resumeCookieName = (code: string) => `standort_resume_${code}`;

/** The resume token a handshake's Cookie header carries for this workshop, if any. */
export const resumeTokenFromCookies = (cookieHeader: string | undefined, code: string): string | undefined => readCookie(cookieHeader, resumeCookieName(code));
