import type { GroupRole } from './aggregation.js';

/** The three perspectives a workshop compares unless the facilitator sets others. */
export const DEFAULT_GROUPS: readonly { label: { de: string; en: string }; role: GroupRole }[] = [
	{ label: { de: 'Führung', en: 'Leadership' }, role: 'leadership' },
	{ label: { de: 'Service-Team', en: 'Service team' }, role: 'team' },
	{ label: { de: 'Andere Abteilungen', en: 'Other departments' }, role: 'other' }
];
