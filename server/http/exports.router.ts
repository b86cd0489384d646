import { Router, type RequestHandler, type Response } from 'express';
import JSZip from 'jszip';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import type { SessionRow } from '../repositories/session.repository.js';
import type { FailureLimiter } from '../sessions/rate-limiter.js';
import type { SessionService } from '../sessions/session.service.js';
import { tableCsv } from '../exports/csv.js';
import type { ExportDataSource } from '../exports/export-data.js';
import { roadmapCalendar } from '../exports/icalendar.js';
import { deckOf } from '../exports/pptx.js';
import { roadmapCsv } from '../exports/roadmap-csv.js';
import { exportTables, TABLE_IDS, type TableId } from '../exports/tables.js';
import { workbookOf } from '../exports/xlsx.js';
import { sendError } from './errors.js';
import { locatedSession, sessionLookup } from './facilitator-guard.js';

type Deps = {
	service: Pick<SessionService, 'find' | 'questionnaireOf'>;
	limiter: FailureLimiter;
	exportData: ExportDataSource;
	/** Lets through whoever controls the located workshop (its owner's account or the facilitator token). */
	controls: RequestHandler;
};

const TYPES = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	csv: 'text/csv; charset=utf-8',
	ics: 'text/calendar; charset=utf-8',
	zip: 'application/zip'
} as const;

/** An ASCII file name from the workshop's title: `standort-K7MQ2P-service-klausur`. */
export function fileStem(row: Pick<SessionRow, 'code' | 'title'>): string {
	const slug = row.title
		.replace(/ä/gi, 'ae')
		.replace(/ö/gi, 'oe')
		.replace(/ü/gi, 'ue')
		.replace(/ß/g, 'ss')
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.toLowerCase()
		.slice(0, 40)
		.replace(/-+$/, '');
	return `standort-${row.code}${slug ? `-${slug}` : ''}`;
}

/**
 * The exports of a workshop, for whoever controls it: the report's data as JSON, Excel, PowerPoint,
 * every table as CSV (one by one or all in a ZIP), and the roadmap for task tools and calendars.
 * All of them format the same `exportData`, so none can show more than the room saw.
 */
export function createExportsRouter({ service, limiter, exportData, controls: guard }: Deps): Router {
	const router = Router();
	const lookup = sessionLookup({ service, limiter });
	const source = (res: Response): { row: SessionRow; q: Questionnaire } => {
		const row = locatedSession(res);
		return { row, q: service.questionnaireOf(row) };
	};
	const send = (res: Response, type: keyof typeof TYPES, name: string, body: string | Buffer) =>
		res.type(TYPES[type]).attachment(name).send(body);

	router.get('/sessions/:code/report.json', lookup, guard, (_req, res) => {
		res.json(exportData(locatedSession(res)));
	});

	router.get('/sessions/:code/export.xlsx', lookup, guard, async (_req, res) => {
		const { row, q } = source(res);
		send(res, 'xlsx', `${fileStem(row)}.xlsx`, await workbookOf(exportData(row), q));
	});

	router.get('/sessions/:code/export.pptx', lookup, guard, async (_req, res) => {
		const { row, q } = source(res);
		send(res, 'pptx', `${fileStem(row)}.pptx`, await deckOf(exportData(row), q));
	});

	router.get('/sessions/:code/export.zip', lookup, guard, async (_req, res) => {
		const { row, q } = source(res);
		const data = exportData(row);
		const zip = new JSZip();
		exportTables(data, q).forEach((table, i) => zip.file(`${String(i + 1).padStart(2, '0')}-${table.id}.csv`, tableCsv(table, data.language), { date: new Date(data.exportedAt) }));
		send(res, 'zip', `${fileStem(row)}-csv.zip`, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
	});

	router.get('/sessions/:code/export/:file', lookup, guard, (req, res) => {
		const id = /^([a-z]+)\.csv$/.exec(String(req.params.file))?.[1];
		if (!id || !(TABLE_IDS as readonly string[]).includes(id))
			return sendError(res, 404, 'NOT_FOUND', `No table "${req.params.file}". Tables: ${TABLE_IDS.map((t) => `${t}.csv`).join(', ')}.`);
		const { row, q } = source(res);
		const data = exportData(row);
		const table = exportTables(data, q).find((t) => t.id === (id as TableId))!;
		send(res, 'csv', `${fileStem(row)}-${id}.csv`, tableCsv(table, data.language));
	});

	router.get('/sessions/:code/roadmap.csv', lookup, guard, (_req, res) => {
		const { row, q } = source(res);
		send(res, 'csv', `${fileStem(row)}-roadmap.csv`, roadmapCsv(exportData(row), q));
	});

	router.get('/sessions/:code/roadmap.ics', lookup, guard, (_req, res) => {
		const { row, q } = source(res);
		send(res, 'ics', `${fileStem(row)}-roadmap.ics`, roadmapCalendar(exportData(row), q));
	});

	return router;
}
