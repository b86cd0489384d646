import { describe, expect, it } from 'vitest';
import { fileStem } from './exports.router.js';

describe('download file names', () => {
	it.each([
		['Service-Klausur Q1', 'standort-K7MQ2P-service-klausur-q1'],
		['Führung & Team: Größe zählt!', 'standort-K7MQ2P-fuehrung-team-groesse-zaehlt'],
		['=HYPERLINK("x") <b>', 'standort-K7MQ2P-hyperlink-x-b'],
		['🎉🎉', 'standort-K7MQ2P'],
		['Café Crème', 'standort-K7MQ2P-cafe-creme']
	])('%j → %j', (title, stem) => {
		expect(fileStem({ code: 'K7MQ2P', title })).toBe(stem);
	});
});
