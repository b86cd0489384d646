import { expect, test } from '@playwright/test';
import { collectErrors, PHONE, PROJECTOR, scrollsSideways, snap } from './support.js';

for (const [name, viewport] of [['phone', PHONE], ['projector', PROJECTOR]] as const) {
	test(`home page renders on a ${name} without errors`, async ({ browser }) => {
		const context = await browser.newContext({ viewport, locale: 'de-DE' });
		const page = await context.newPage();
		const errors = collectErrors(page);
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByTestId('start-check')).toBeVisible();
		await expect(page.locator('#dimensions-heading + ol > li')).toHaveCount(6);
		expect(await scrollsSideways(page)).toBe(false);
		await snap(page, `home-${name}`);
		expect(errors).toEqual([]);
		await context.close();
	});
}

test('the language switch changes the page and is remembered', async ({ browser }) => {
	const context = await browser.newContext({ viewport: PHONE, locale: 'de-DE' });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.getByTestId('start-check')).toHaveText('Check starten');
	await page.getByTestId('language-switch').click();
	await expect(page.getByTestId('start-check')).toHaveText('Start the check');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByTestId('start-check')).toHaveText('Start the check');
	await context.close();
});

test('the join page shows the live connection state', async ({ page }) => {
	const errors = collectErrors(page);
	await page.setViewportSize(PHONE);
	await page.goto('/join');
	await expect(page.getByRole('status')).toContainText(/Verbunden|Connected/);
	expect(errors).toEqual([]);
});
