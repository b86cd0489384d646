/**
 * Texts of the workshop report and the exports (Excel, CSV, PowerPoint, roadmap CSV, calendar),
 * German. Pure data without imports, so the server's exporters and the report page share them;
 * everything is written in the workshop's language, not the reader's.
 */
const people = (n: number) => (n === 1 ? '1 Person' : `${n} Personen`);

export const reportDe = {
	locale: 'de-DE',
	// — words shared by every export —
	everyone: 'Alle',
	yes: 'ja',
	no: 'nein',
	open: 'offen',
	none: '–',
	people,
	roles: { leadership: 'Führung', team: 'Service-Team', other: 'Andere' },
	kinds: { 'quick-win': 'Quick Win', project: 'Projekt' },
	sizes: { S: 'klein', M: 'mittel', L: 'groß' },
	statuses: { planned: 'geplant', 'in-progress': 'läuft', done: 'erledigt', dropped: 'verworfen' },
	belowMinimum: (min: number) => `unter der Mindestgröße (${min} Personen)`,
	shown: 'ausgewertet',
	noData: 'keine Daten',
	detailsFrom: (n: number) => `Streuung und Verteilung erst ab ${n} Personen`,
	notRevealed: 'Noch keine Zahlen: Die Auswertung des Workshops wurde noch nicht gestartet. Dieser Export enthält nur die Angaben zum Workshop und die Ergebnisse der Diskussion.',
	votesPending: 'Die Abstimmung läuft noch: Punkte werden erst nach ihrem Ende gezeigt.',
	split: 'uneinig',
	months: (from: string, to: string) => (from === to ? from : `${from} – ${to}`),
	transition: (from: string, to: string) => `Übergang ${from} → ${to}`,
	provisional: 'vorläufig',
	held: (n: number) => `${people(n)} zurückgehalten`,
	gapWeight: { major: 'eine volle Stufe', notable: 'deutlich', hint: 'Hinweis – kleine Gruppen', muted: 'gedämpft – eine Gruppe ist uneinig' },
	pairKinds: { 'blind-spot': 'möglicher blinder Fleck', 'hidden-strength': 'mögliche verborgene Stärke' },

	// — tables (Excel sheets and CSV files) —
	tables: {
		summary: {
			name: 'Übersicht',
			field: 'Angabe',
			value: 'Wert',
			title: 'Workshop',
			organisation: 'Organisation',
			code: 'Code',
			date: 'Datum des Workshops',
			questionnaire: 'Fragebogen',
			minGroupSize: 'Mindestgröße je Gruppe (Personen)',
			detailMinSize: 'Mindestgröße für Streuung und Verteilungen (Personen)',
			people: 'Personen mit Antworten',
			overall: 'Gesamteinordnung (alle)',
			roadmap: 'Roadmap',
			exportedAt: 'Exportiert am',
			state: 'Stand',
			revealed: 'Auswertung gezeigt',
			privacy: 'Datenschutz',
			privacyText: (min: number, detail: number) =>
				`Nur Gruppenwerte, keine Einzelantworten. Gruppen unter ${min} Personen zeigen nur ihre Anzahl; Streuung und Verteilungen erst ab ${detail} Personen. Ideen und Punkte sind anonym.`
		},
		groups: {
			name: 'Gruppen',
			group: 'Gruppe',
			role: 'Rolle',
			n: 'Personen (n)',
			status: 'Status',
			mean: 'Mittelwert gesamt (1–3)',
			index: 'Index gesamt (0–100)',
			level: 'Reifegrad gesamt',
			note: 'Hinweis'
		},
		dimensions: {
			name: 'Gruppen × Dimensionen',
			group: 'Gruppe',
			dimension: 'Dimension',
			n: 'Personen (n)',
			mean: 'Mittelwert (1–3)',
			index: 'Index (0–100)',
			level: 'Reifegrad',
			dontKnow: 'Anteil „Weiß nicht“',
			ad: 'Streuung (AD)',
			split: 'Gruppe uneinig',
			note: 'Hinweis'
		},
		gaps: {
			name: 'Lücken',
			dimension: 'Dimension',
			delta: 'Lücke Δ (1–3)',
			high: 'Höchste Einschätzung',
			low: 'Niedrigste Einschätzung',
			notable: 'Deutlich',
			major: 'Eine volle Stufe',
			hint: 'Hinweis kleine Gruppen',
			muted: 'Gedämpft (Gruppe uneinig)'
		},
		pairs: {
			name: 'Blinde Flecken',
			dimension: 'Dimension',
			leadership: 'Führungsgruppe',
			team: 'Teamgruppe',
			delta: 'Δ Führung − Team',
			kind: 'Deutung',
			hint: 'Hinweis kleine Gruppen'
		},
		agenda: {
			name: 'Agenda',
			rank: 'Rang',
			dimension: 'Dimension',
			gap: 'Lücke Δ',
			spread: 'Größte Streuung',
			mean: 'Mittelwert (alle)',
			level: 'Reifegrad (alle)'
		},
		questions: {
			name: 'Fragen',
			dimension: 'Dimension',
			number: 'Nr.',
			question: 'Frage',
			group: 'Gruppe',
			n: 'Antworten (n)',
			option: 'Antwort',
			level: 'Reifegrad der Antwort',
			count: 'Anzahl',
			share: 'Anteil',
			dontKnow: 'Weiß nicht'
		},
		agreements: {
			name: 'Vereinbarungen',
			dimension: 'Dimension',
			measured: 'Gemessen (alle)',
			current: 'Heute (vereinbart)',
			target: 'In 12 Monaten',
			note: 'Kernaussage'
		},
		ideas: {
			name: 'Ideen',
			rank: 'Rang',
			text: 'Idee',
			dimension: 'Dimension',
			votes: 'Punkte'
		},
		measures: {
			name: 'Roadmap',
			title: 'Maßnahme',
			dimension: 'Dimension',
			kind: 'Art',
			start: 'Beginn',
			end: 'Ende',
			startMonth: 'Beginn (Monat 1–12)',
			endMonth: 'Ende (Monat 1–12)',
			owner: 'Verantwortlich',
			metric: 'Woran wir den Erfolg messen',
			effort: 'Aufwand',
			impact: 'Wirkung',
			status: 'Stand'
		}
	},

	// — roadmap for task tools and calendars —
	task: {
		dimension: 'Dimension',
		metric: 'Erfolgsmessung',
		owner: 'Verantwortlich',
		kind: 'Art',
		months: 'Zeitraum',
		status: 'Stand',
		from: (workshop: string) => `Aus dem Workshop „${workshop}“ (Standort).`
	},

	// — the PowerPoint deck —
	deck: {
		subtitle: 'Ergebnisse des Workshops',
		groupsLine: (label: string, n: string) => `${label}: ${n}`,
		noFigures: 'Noch keine Zahlen',
		overallTitle: 'Gesamtbild je Gruppe',
		overallAxis: 'Index (0–100)',
		groupsTitle: 'Sechs Dimensionen im Vergleich',
		gapsTitle: 'Wo die Sichtweisen auseinandergehen',
		gapsNote: 'Index (0–100) je Gruppe und Dimension; rechts die Lücke Δ auf der Skala 1–3.',
		agendaTitle: 'Worüber wir sprechen',
		deepDiveTitle: (dimension: string) => `Vertiefung: ${dimension}`,
		deepDiveNote: 'Antworten je Frage und Gruppe nach Reifegrad der gewählten Antwort (Anteile).',
		agreeTitle: (dimension: string) => `Einigung: ${dimension}`,
		ideasTitle: 'Ideen und Punkte',
		roadmapTitle: 'Roadmap für die nächsten zwölf Monate',
		measuresTitle: 'Maßnahmen',
		methodTitle: 'Methode und Datenschutz',
		moreIdeas: (n: number) => `… und ${n} weitere Ideen (siehe Excel-Export)`
	},

	// — the report page —
	page: {
		title: (workshop: string) => `Bericht: ${workshop} – Standort`,
		fileTitle: (workshop: string) => `Standort-Bericht – ${workshop}`,
		loading: 'Der Bericht wird geladen …',
		needLink: 'Diesen Bericht kann nur die Moderation öffnen. Bitte meldet euch mit dem Konto an, dem der Workshop gehört.',
		loadFailed: 'Der Bericht konnte nicht geladen werden. Versucht es gleich noch einmal.',
		toolbar: 'Bericht und Exporte',
		/** The console's link to this page. */
		link: 'Bericht & Exporte',
		print: 'PDF herunterladen',
		printHint: 'Im Druckdialog „Als PDF speichern“ wählen.',
		downloads: 'Weitere Formate',
		xlsx: 'Excel',
		pptx: 'PowerPoint',
		csv: 'CSV-Tabellen (ZIP)',
		roadmapCsv: 'Roadmap für Jira/Asana (CSV)',
		ics: 'Roadmap als Kalender (.ics)',
		downloadFailed: 'Der Download ist fehlgeschlagen. Versucht es noch einmal.',
		backToConsole: 'Zurück zur Moderation',
		// cover
		eyebrow: 'Ergebnisbericht',
		workshopDate: 'Workshop am',
		questionnaire: 'Fragebogen',
		roadmapPeriod: 'Roadmap',
		groupsHeading: 'Wer geantwortet hat',
		total: (n: number) => `Insgesamt ${people(n)} mit Antworten.`,
		confidential: 'Vertraulich – nur für den internen Gebrauch.',
		createdWith: (date: string) => `Erstellt mit Standort am ${date}.`,
		// summary
		summaryHeading: 'Das Wichtigste auf einer Seite',
		overallLine: (level: string, index: number, n: number) => `Gesamteinordnung aller Gruppen: ${level} (Index ${index} von 100, ${people(n)}).`,
		gapsHeading: 'Die drei größten Lücken',
		gapLine: (dimension: string, high: string, low: string, delta: string) => `${dimension}: ${high} sieht dies um ${delta} höher als ${low}`,
		noGaps: 'Keine Lücken: Dafür braucht es mindestens zwei ausgewertete Gruppen.',
		agreedHeading: 'Worauf wir uns geeinigt haben',
		noAgreements: 'Noch keine Einigung festgehalten.',
		quickWinsHeading: 'Quick Wins für die ersten drei Monate',
		noQuickWins: 'Keine Quick Wins geplant.',
		// diagnosis
		diagnosisHeading: 'Gesamtbild je Gruppe',
		overallCaption: 'Gesamtindex je Gruppe (0–100) vor den drei Reifegrad-Bereichen.',
		heatmapHeading: 'Sechs Dimensionen im Vergleich',
		heatmapCaption: 'Mittelwert (1–3) und Index (0–100) je Gruppe und Dimension; die Farbe zeigt den Reifegrad, ⚡ eine in sich uneinige Gruppe.',
		gapChartHeading: 'Wo die Sichtweisen auseinandergehen',
		gapChartCaption: 'Ein Zeichen je Gruppe auf der Index-Achse (0–100); die Linie verbindet höchste und niedrigste Einschätzung, rechts die Lücke Δ (Skala 1–3).',
		agendaHeading: 'Agenda: worüber wir gesprochen haben',
		agendaLead: 'Zuerst die größten Lücken zwischen den Gruppen, dann uneinige Gruppen, dann die schwächsten Bereiche.',
		blindSpots: 'Blinde Flecken und verborgene Stärken',
		blindSpot: (lead: string, team: string, d: string) => `${lead} sieht dies um ${d} höher als ${team}: möglicher blinder Fleck.`,
		hiddenStrength: (lead: string, team: string, d: string) => `${lead} sieht dies um ${d} niedriger als ${team}: mögliche verborgene Stärke.`,
		smallGroupsHint: 'Hinweis – kleine Gruppen: Die Gruppen sind zu klein, um die Lücke sicher vom Zufall zu unterscheiden.',
		gap: 'Lücke',
		spread: 'Streuung',
		level: 'Reifegrad (alle)',
		// dimensions
		dimensionEyebrow: (rank: number, total: number) => `Agenda-Punkt ${rank} von ${total}`,
		agreedToday: 'Heute (vereinbart)',
		agreedTarget: 'In 12 Monaten',
		measuredEveryone: 'Gemessen (alle)',
		keyStatement: 'Kernaussage',
		groupsTable: 'Die Gruppen in dieser Dimension',
		group: 'Gruppe',
		n: 'n',
		mean: 'Mittelwert',
		index: 'Index',
		dontKnow: 'Weiß nicht',
		splitLong: 'Die Gruppe ist sich hier selbst uneinig: Ihr Mittelwert ist kein gemeinsamer Blick.',
		distributionsHeading: 'Antworten je Frage',
		distributionCaption: 'Anteil der Antworten je Reifegrad; „Weiß nicht“ in Grau.',
		noDistributions: (n: number) => `Verteilungen je Frage werden erst ab ${n} Personen in einer Gruppe gezeigt.`,
		dimensionIdeas: 'Ideen zu dieser Dimension',
		dimensionMeasures: 'Maßnahmen in dieser Dimension',
		votes: (n: number) => (n === 1 ? '1 Punkt' : `${n} Punkte`),
		// outcome
		ideasHeading: 'Ideen und Punkte',
		ideasLead: (ideas: number, voters: number) => `${ideas} ${ideas === 1 ? 'Idee' : 'Ideen'} auf der Wand, ${voters} ${voters === 1 ? 'Person hat' : 'Personen haben'} Punkte vergeben.`,
		noIdeas: 'Keine Ideen gesammelt.',
		roadmapHeading: 'Roadmap für die nächsten zwölf Monate',
		roadmapCaption: 'Maßnahmen je Dimension über zwölf Monate; Quick Wins (⚡) fallen in das erste Quartal.',
		measuresHeading: 'Alle Maßnahmen',
		noMeasures: 'Keine Maßnahmen geplant.',
		// appendix
		appendixHeading: 'Anhang: Methode und Datenschutz',
		methodHeading: 'Methode',
		method: (questions: number, dimensions: number) =>
			`Alle Teilnehmenden haben dieselben ${questions} Fragen zu ${dimensions} Dimensionen beantwortet, getrennt nach Gruppen. Jede Antwort entspricht einem von drei Reifegraden (1 bis 3); „Weiß nicht“ zählt nicht in die Werte.`,
		scale: (reactive: string, optimising: string) =>
			`Mittelwert auf der Skala 1–3, Index = (Mittelwert − 1) ÷ 2 × 100. Reifegrad: bis ${reactive} reaktiv, bis ${optimising} optimierend, darüber strategisch.`,
		gapRule: (notable: string, major: string) => `Eine Lücke zwischen Gruppen gilt ab ${notable} als deutlich und ab ${major} als eine volle Stufe.`,
		splitRule: (ad: string) => `Eine Gruppe gilt als uneinig, wenn ihre Antworten im Mittel um ${ad} oder mehr auseinanderliegen (AD).`,
		privacyHeading: 'Datenschutz',
		privacyRules: (min: number, detail: number) => [
			'Standort zeigt nur Gruppenwerte, nie die Antworten einzelner Personen. Ideen und Punkte sind anonym.',
			`Eine Gruppe mit weniger als ${min} Personen wird nicht ausgewertet: Nur ihre Anzahl wird genannt, und sie zählt auch nicht in „Alle“, damit niemand ihre Werte errechnen kann.`,
			`Streuung und Verteilungen je Frage erscheinen erst ab ${detail} Personen in einer Gruppe: In kleineren Gruppen ließen sie erkennen, wie Einzelne geantwortet haben.`,
			'Alle Zahlen stammen aus den Antworten bis zum Start der Auswertung.'
		],
		suppressedHeading: 'Was nicht gezeigt wurde und warum',
		suppressedGroup: (label: string, n: number, min: number) => `${label}: ${people(n)} – unter der Mindestgröße von ${min}, daher nicht ausgewertet.`,
		noDetailsGroup: (label: string, detail: number) => `${label}: Streuung und Verteilungen nicht gezeigt (weniger als ${detail} Personen mit Werten in einer Dimension).`,
		heldGroup: (label: string, n: number) => `${label}: Änderungen von ${people(n)} nach der Auswertung sind nicht enthalten.`,
		nothingSuppressed: 'Alle Gruppen waren groß genug; nichts wurde zurückgehalten.',
		version: (id: string, version: string) => `Fragebogen ${id}, Version ${version}.`,
		page: 'Seite'
	}
};

export type ReportMessages = typeof reportDe;
