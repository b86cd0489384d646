/**
 * The German catalogue is the reference: its shape defines `Messages`, and every other language
 * must provide exactly the same keys (a missing or extra key is a type error).
 */
export const de = {
	app: {
		name: 'Standort',
		tagline: 'Wo steht euer Kundenservice?',
		skipToContent: 'Zum Inhalt springen',
		footer: 'Standort ist Open Source. Eure Antworten im Check bleiben in eurem Browser.'
	},
	language: {
		label: 'Sprache',
		switchTo: 'English',
		switchToLong: 'Switch to English'
	},
	connection: {
		connecting: 'Verbinde …',
		online: 'Verbunden',
		offline: 'Offline',
		offlineHint: 'Keine Verbindung zum Server. Antworten werden gesendet, sobald sie wieder steht.'
	},
	join: {
		title: 'Workshop beitreten – Standort',
		heading: 'Workshop beitreten',
		lead: 'Gebt den sechsstelligen Code ein, der auf der Leinwand steht.',
		codeLabel: 'Code',
		submit: 'Beitreten',
		invalidCode: 'Der Code hat sechs Zeichen aus Buchstaben und Ziffern, zum Beispiel K7P2QX.'
	},
	home: {
		title: 'Standort – Service-Reifegrad-Check',
		eyebrow: 'Reifegrad-Check für Kundenservice',
		heading: 'Wisst ihr, wo euer Kundenservice heute steht?',
		lead: '20 Fragen, rund 5 Minuten, direkt im Browser. Danach kennt ihr euren Reifegrad, seht eure Stärken und Baustellen in sechs Dimensionen und bekommt konkrete nächste Schritte.',
		start: 'Check starten',
		resume: 'Weitermachen',
		facts: (minutes: number, questions: number) => `${questions} Fragen · ca. ${minutes} Minuten · ohne Anmeldung`,
		dimensionsHeading: 'Sechs Dimensionen, ein Gesamtbild',
		levelsHeading: 'Drei Reifegrade',
		workshopHeading: 'Gemeinsam statt allein: der Live-Workshop',
		workshopLead: 'Führung, Service-Team und andere Abteilungen beantworten dieselben Fragen getrennt am Handy. Ihr seht live, wo sich die Sichtweisen unterscheiden – und startet die Diskussion bei den größten Lücken.',
		workshopCta: 'Workshop vorbereiten',
		joinCta: 'Mit Code beitreten',
		privacy: 'Eure Antworten im Check werden nur in eurem Browser gespeichert.'
	}
};

export type Messages = typeof de;
