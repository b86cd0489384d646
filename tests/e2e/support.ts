import type { BrowserContext, Page } from '@playwright/test';
import { facilitatorCookie } from '../support/workshop.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const PHONE = { width: 360, height: 640 };
export const LAPTOP = { width: 1280, height: 800 };
export const PROJECTOR = { width: 1920, height: 1080 };

const SCREENSHOTS = join(import.meta.dirname, '..', 'screenshots');

/** Saves a full-page screenshot under the git-ignored `tests/screenshots/`. */
export async function snap(page: Page, name: string): Promise<void> {
	mkdirSync(SCREENSHOTS, { recursive: true });
	await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Collects console errors and page errors; a test asserts the list is empty at its end. */
export function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

/** True when the page is wider than the viewport, i.e. the user would have to scroll sideways. */
export const scrollsSideways = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/**
 * Signs a browser context in as the test facilitator (setting Standort up on first use): the
 * session cookie is taken from the API and handed to the browser, as a sign-in would.
 */
export async function signInBrowser(context: BrowserContext, baseURL: string): Promise<void> {
	const cookie = await facilitatorCookie(baseURL);
	const [name, value] = cookie.split('=') as [string, string];
	await context.addCookies([{ name, value, url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
}
