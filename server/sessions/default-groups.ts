import type { GroupInput } from '../../src/lib/protocol.js';

/** The three perspectives a workshop compares unless the facilitator sets others. */
export const DEFAULT_GROUPS: GroupInput[] = [
	{ label: { de: 'Führung', en: 'Leadership' }, role: 'leadership' },
	{ label: { de: 'Service-Team', en: 'Service team' }, role: 'team' },
	{ label: { de: 'Andere Abteilungen', en: 'Other departments' }, role: 'other' }
];
