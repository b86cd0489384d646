import type { ErrorRequestHandler, RequestHandler, Response } from 'express';

export type HttpErrorCode =
	| 'NOT_FOUND'
	| 'INVALID_PAYLOAD'
	| 'UNAUTHORIZED'
	| 'FORBIDDEN'
	| 'RATE_LIMITED'
	| 'PAYLOAD_TOO_LARGE'
	| 'INTERNAL';

/** Every API error has the same JSON body, so clients never have to parse an HTML page. */
export function sendError(res: Response, status: number, code: HttpErrorCode | string, message: string): void {
	res.status(status).json({ error: { code, message } });
}

export const apiNotFound: RequestHandler = (req, res) =>
	sendError(res, 404, 'NOT_FOUND', `No API endpoint at ${req.method} ${req.originalUrl}.`);

export const apiErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
	if (res.headersSent) return next(error);
	const e = error as { type?: string; status?: number; message?: string };
	if (e.type === 'entity.too.large') return sendError(res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
	if (e.type === 'entity.parse.failed') return sendError(res, 400, 'INVALID_PAYLOAD', 'The request body is not valid JSON.');
	console.error('API request failed', error);
	sendError(res, 500, 'INTERNAL', 'The server could not process this request.');
};
