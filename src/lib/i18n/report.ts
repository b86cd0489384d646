import type { Locale } from '../core/questionnaire.schema.js';
import { reportDe, type ReportMessages } from './report.de.js';
import { reportEn } from './report.en.js';

export type { ReportMessages };

/** The report's and the exports' texts in a workshop's language. */
export const reportText = (locale: Locale): ReportMessages => (locale === 'en' ? reportEn : reportDe);
