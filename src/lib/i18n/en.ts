import type { Messages } from './de';

export const en: Messages = {
	app: {
		name: 'Standort',
		tagline: 'Where does your customer service stand?',
		skipToContent: 'Skip to content',
		footer: 'Standort is open source. Your answers in the check stay in your browser.'
	},
	language: {
		label: 'Language',
		switchTo: 'Deutsch',
		switchToLong: 'Auf Deutsch wechseln'
	},
	connection: {
		connecting: 'Connecting …',
		online: 'Connected',
		offline: 'Offline',
		offlineHint: 'No connection to the server. Answers will be sent as soon as it is back.'
	},
	join: {
		title: 'Join a workshop – Standort',
		heading: 'Join a workshop',
		lead: 'Enter the six-character code shown on the big screen.',
		codeLabel: 'Code',
		submit: 'Join',
		invalidCode: 'The code has six letters and digits, for example K7P2QX.'
	},
	home: {
		title: 'Standort – service maturity check',
		eyebrow: 'Maturity check for customer service',
		heading: 'Do you know where your customer service stands today?',
		lead: '20 questions, about 5 minutes, right in your browser. You get your maturity level, your strengths and gaps across six dimensions, and concrete next steps.',
		start: 'Start the check',
		resume: 'Continue',
		facts: (minutes: number, questions: number) => `${questions} questions · about ${minutes} minutes · no sign-up`,
		dimensionsHeading: 'Six dimensions, one picture',
		levelsHeading: 'Three maturity levels',
		workshopHeading: 'Together, not alone: the live workshop',
		workshopLead: 'Leadership, the service team and other departments answer the same questions separately on their phones. You see live where their views differ – and start the discussion at the biggest gaps.',
		workshopCta: 'Prepare a workshop',
		joinCta: 'Join with a code',
		privacy: 'Your answers in the check are stored in your browser only.'
	}
};
