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
	check: {
		title: 'Reifegrad-Check – Standort',
		progress: (n: number, total: number, dimension: string) => `Frage ${n} von ${total} · ${dimension}`,
		progressLabel: 'Fortschritt',
		dontKnow: 'Weiß ich nicht',
		dontKnowHint: 'Zählt nicht in die Bewertung.',
		back: 'Zurück',
		next: 'Weiter',
		finish: 'Auswertung ansehen',
		startOver: 'Neu beginnen',
		startOverConfirm: 'Alle Antworten löschen und von vorn beginnen?',
		keyboardHint: (n: number) => `Tastatur: 1–${n} wählt eine Antwort, 0 „Weiß ich nicht“, Enter weiter.`,
		unanswered: (n: number) => (n === 1 ? 'Eine Frage ist noch offen.' : `${n} Fragen sind noch offen.`),
		saved: 'Eure Antworten werden nur in diesem Browser gespeichert.'
	},
	result: {
		title: 'Eure Auswertung – Standort',
		heading: 'Eure Auswertung',
		overallLabel: 'Gesamteinordnung',
		index: 'Index',
		indexOf: (n: number) => `${n} von 100`,
		ofHundred: 'von 100',
		capped: (weakest: string) => `Der Durchschnitt allein läge eine Stufe höher. Solange „${weakest}“ deutlich zurückliegt, ordnet der Check euch bewusst niedriger ein – Reife entsteht in Stufen.`,
		strongest: 'Stärkste Dimension',
		weakest: 'Größter Hebel',
		patternsHeading: 'Typisch für diese Stufe',
		notEnough: 'Zu wenige Antworten',
		notEnoughLong: 'Zu wenige Antworten für eine Einordnung (mindestens zwei nötig).',
		noResult: 'Für eine Auswertung fehlen noch Antworten.',
		backToCheck: 'Zum Check',
		dimensionsHeading: 'Die sechs Dimensionen',
		chartCaption: 'Index je Dimension (0–100) vor den drei Reifegrad-Bereichen',
		showTable: 'Als Tabelle anzeigen',
		hideTable: 'Tabelle ausblenden',
		table: { dimension: 'Dimension', mean: 'Mittelwert (1–3)', index: 'Index (0–100)', level: 'Reifegrad', answered: 'Beantwortet' },
		consistencyHeading: 'Wo eure Antworten übereinstimmen – und wo nicht',
		consistentLead: 'Ein klares Bild (alle Antworten auf einer Stufe):',
		noneConsistent: 'In keiner Dimension liegen alle Antworten auf derselben Stufe.',
		tensionsLead: 'Spannungen zwischen den Dimensionen',
		noTensions: 'Keine der bekannten Spannungen zwischen Dimensionen trifft auf eure Antworten zu.',
		ambiguousLead: 'Widersprüchlich innerhalb einer Dimension',
		ambiguousText: 'Hier habt ihr sowohl eine reaktive als auch eine strategische Antwort gegeben. Vermutlich läuft es in verschiedenen Teams unterschiedlich – ein guter Punkt zum Nachfragen.',
		dontKnowLead: '„Weiß ich nicht“',
		dontKnowCount: (n: number, of: number) => `${n} von ${of} Antworten waren „Weiß ich nicht“.`,
		dontKnowNotable: 'Das ist ein Befund für sich: Wichtige Informationen über den Service sind nicht dort, wo sie gebraucht werden. Lest die Auswertung mit Vorsicht und holt die fehlenden Antworten im Team ein.',
		dontKnowFew: 'Das beeinflusst die Auswertung kaum.',
		recommendationsHeading: 'Eure nächsten Schritte',
		nextStep: 'Nächster Schritt',
		allRecommendations: 'Empfehlungen für alle Dimensionen',
		discussHeading: 'Mit dem Team besprechen',
		discussLead: 'Sieht die Führung das genauso wie das Service-Team? Im Live-Workshop beantworten alle dieselben Fragen, und ihr seht, wo die Sichtweisen auseinandergehen.',
		discussCta: 'Workshop mit diesem Fragebogen anlegen',
		shareHeading: 'Speichern und teilen',
		shareLead: 'Der Link enthält eure Antworten und erzeugt genau diese Auswertung. Auf unserem Server wird nichts gespeichert.',
		copyLink: 'Link kopieren',
		copied: 'Link kopiert',
		print: 'Drucken / als PDF speichern',
		restart: 'Check neu beginnen',
		reportMeta: (id: string, version: string, date: string) => `Fragebogen ${id}, Version ${version} · ${date}`
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
