import { expect, test, type BrowserContext } from '@playwright/test';
import { encodeAnswers } from '../../src/lib/core/answer-code.js';
import { createSession, questionnaire } from '../support/workshop.js';
import { collectErrors, LAPTOP } from './support.js';

/**
 * On the default deployment (plain HTTP at a LAN address) `navigator.clipboard` is undefined: it
 * exists only in secure contexts, and 127.0.0.1 is one, so the tests take it away. The copy buttons
 * must still copy (select and execCommand) or, failing that, select the text for copying by hand,
 * and never throw.
 */
async function plainHttpContext(context: BrowserContext, options: { execCommandWorks: boolean }) {
	await context.addInitScript((works: boolean) => {
		Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
		const original = Document.prototype.execCommand;
		Document.prototype.execCommand = function (command: string, ...rest: [boolean?, string?]) {
			if (command !== 'copy') return original.call(this, command, ...rest);
			(window as unknown as { copiedBySelection?: string }).copiedBySelection = String(document.getSelection() ?? '') || (document.activeElement as HTMLTextAreaElement | null)?.value;
			return works;
		};
	}, options.execCommandWorks);
}

test.describe('copy buttons without navigator.clipboard', () => {
	test('the facilitator link is copied by selection, or shown selected when that fails too', async ({ browser, baseURL }) => {
		const created = await createSession(baseURL!, { title: 'Clipboard', language: 'en' });
		for (const execCommandWorks of [true, false]) {
			const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
			await plainHttpContext(context, { execCommandWorks });
			const page = await context.newPage();
			const errors = collectErrors(page);
			await page.goto(`/workshop/${created.code}#token=${created.facilitatorToken}`);
			await expect(page.getByTestId('lobby')).toHaveAttribute('data-phase', 'ready');
			await page.locator('details.notice summary').click();
			await page.getByTestId('copy-facilitator-link').click();
			const status = page.locator('details.notice').getByTestId('copy-status');
			if (execCommandWorks) {
				await expect(status).toHaveText('Copied');
				expect(await page.evaluate(() => (window as unknown as { copiedBySelection?: string }).copiedBySelection)).toContain(`#token=${created.facilitatorToken}`);
			} else {
				await expect(status).toContainText('the link is selected');
				const field = page.getByTestId('facilitator-link');
				await expect(field).toBeFocused();
				await expect(field).toHaveValue(new RegExp(`/workshop/${created.code}#token=`));
				expect(await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!)).toBe((await field.inputValue()).length);
			}
			expect(errors).toEqual([]);
			await context.close();
		}
	});

	test('the check result link is selected for copying by hand when nothing else works', async ({ browser }) => {
		const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
		await plainHttpContext(context, { execCommandWorks: false });
		const page = await context.newPage();
		const errors = collectErrors(page);
		const answers = Object.fromEntries(questionnaire.questions.map((q) => [q.id, q.options[1]!.id]));
		const params = new URLSearchParams({ q: questionnaire.id, v: questionnaire.version, a: encodeAnswers(questionnaire, answers), d: '2025-01-01' });
		await page.goto(`/check/result?${params}`);
		await page.getByRole('button', { name: 'Copy link' }).click();
		await expect(page.getByTestId('copy-status')).toContainText('the link is selected');
		const field = page.getByTestId('share-link');
		await expect(field).toBeFocused();
		expect(await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!)).toBe((await field.inputValue()).length);
		expect(errors).toEqual([]);
		await context.close();
	});
});
