/**
 * Prints the reading load and the answer-order statistics of a questionnaire file, the numbers
 * docs/questionnaire-2.md reports:  npx tsx scripts/questionnaire-stats.ts questionnaires/<file>.json
 */
import { readFileSync } from 'node:fs';
import { parseQuestionnaireFile } from '../server/questionnaires/questionnaire.catalog.js';
import { LOCALES } from '../src/lib/core/questionnaire.schema.js';
import { readingWordCount } from '../src/lib/core/reading.js';

for (const file of process.argv.slice(2)) {
	const q = parseQuestionnaireFile(file, readFileSync(file, 'utf8'));
	const inLevelOrder = q.questions.filter((x) => x.options.every((o, i) => i === 0 || (x.options[i - 1]?.level ?? 0) <= o.level)).length;
	const level3Positions = [0, 1, 2].map((p) => q.questions.filter((x) => x.options[p]?.level === 3).length);
	console.log(`${file} (${q.id}@${q.version}${q.status === 'draft' ? ', draft' : ''})`);
	console.log(`  questions: ${q.questions.length}; options in level order: ${inLevelOrder}; level-3 option at position 1/2/3: ${level3Positions.join('/')}`);
	for (const locale of LOCALES) {
		const longest = q.questions.filter((x) => {
			const own = Math.max(...x.options.filter((o) => o.level === 3).map((o) => o.text[locale].length));
			return x.options.every((o) => o.text[locale].length <= own);
		}).length;
		console.log(`  ${locale}: ${readingWordCount(q, locale)} words to read; level-3 option the longest (ties included) in ${longest}`);
	}
}
