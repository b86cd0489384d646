import type { ErrorRequestHandler, RequestHandler, Response } from 'express';

export type HttpErrorCode =
	| 'NOT_FOUND'
	| 'BAD_REQUEST'
	| 'HOST_NOT_ALLOWED'
	| 'INVALID_PAYLOAD'
	| 'UNAUTHORIZED'
	| 'FORBIDDEN'
	| 'RATE_LIMITED'
	| 'PAYLOAD_TOO_LARGE'
	| 'UNSUPPORTED_MEDIA_TYPE'
	| 'INTERNAL';

/** Every API error has the same JSON body, so clients never have to parse an HTML page. */
export function sendError(res: Response, status: number, code: HttpErrorCode | string, message: string, extra: Record<string, unknown> = {}): void {
	res.status(status).json({ error: { code, message, ...extra } });
}

export const apiNotFound: RequestHandler = (req, res) =>
	sendError(res, 404, 'NOT_FOUND', `No API endpoint at ${req.method} ${req.originalUrl}.`);

type ClientMistake = { status: number; code: HttpErrorCode; message: string };

/**
 * Errors that describe what the client sent (thrown by body-parser, the router's parameter
 * decoding, zlib), by their `type` or 4xx status. They are answered with a 4xx and not logged:
 * a stack trace per bad request would let anyone flood the log.
 */
export function clientMistakeOf(error: unknown): ClientMistake | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const e = error as { type?: unknown; status?: unknown; statusCode?: unknown };
	switch (e.type) {
		case 'entity.too.large':
			return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' };
		case 'entity.parse.failed':
			return { status: 400, code: 'INVALID_PAYLOAD', message: 'The request body is not valid JSON.' };
		case 'charset.unsupported':
			return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as UTF-8 JSON (charset=utf-8).' };
		case 'encoding.unsupported':
			return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Content-Encoding: use gzip, deflate, br or none.' };
	}
	const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
	if (status !== undefined && status >= 400 && status < 500)
		return { status, code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', message: 'The request could not be read: check its URL, headers and body encoding.' };
	return undefined;
}

export const apiErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
	if (res.headersSent) return next(error);
	const mistake = clientMistakeOf(error);
	if (mistake) return sendError(res, mistake.status, mistake.code, mistake.message);
	console.error('API request failed', error);
	sendError(res, 500, 'INTERNAL', 'The server could not process this request.');
};

/** Last handler of the whole app (pages included): the same answers, never Express's HTML with a stack. */
export const appErrorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
	if (res.headersSent) {
		// The answer is half sent: all that is left is to end the connection.
		req.socket.destroy();
		return;
	}
	apiErrorHandler(error, req, res, next);
};
