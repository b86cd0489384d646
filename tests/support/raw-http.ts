import { connect as tcpConnect, type Socket } from 'node:net';

export type RawResponse = { status: number; headers: string; body: string };

/** Opens a TCP connection to the server of `url` and resolves once it is established. */
export function openConnection(url: string): Promise<Socket> {
	const { hostname, port } = new URL(url);
	return new Promise((done, fail) => {
		const socket = tcpConnect(Number(port), hostname, () => done(socket));
		socket.once('error', fail);
	});
}

/** Resolves with the milliseconds until the server closes `socket`; rejects after `timeoutMs`. */
export function closedWithin(socket: Socket, timeoutMs: number): Promise<number> {
	const started = Date.now();
	return new Promise((done, fail) => {
		if (socket.destroyed) return done(0);
		const timer = setTimeout(() => fail(new Error(`the server kept the connection open for ${timeoutMs} ms`)), timeoutMs);
		socket.once('close', () => {
			clearTimeout(timer);
			done(Date.now() - started);
		});
		socket.on('error', () => {}); // a reset is a close too
		socket.resume();
	});
}

/**
 * Sends `head` (request line and headers, without the blank line) and `body` exactly as given,
 * which `fetch` would refuse (a made-up Host, a broken escape), and reads the whole answer.
 */
export async function rawRequest(url: string, head: string, body = ''): Promise<RawResponse> {
	const socket = await openConnection(url);
	const chunks: Buffer[] = [];
	socket.on('data', (c: Buffer) => chunks.push(c));
	socket.write(`${head}\r\nConnection: close\r\n${body ? `Content-Length: ${Buffer.byteLength(body)}\r\n` : ''}\r\n${body}`);
	await closedWithin(socket, 10_000);
	const text = Buffer.concat(chunks).toString('utf8');
	const [headers = '', ...rest] = text.split('\r\n\r\n');
	const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0);
	return { status, headers, body: rest.join('\r\n\r\n') };
}

/** The `error.code` of a JSON error body (chunked or not), or undefined. */
export function errorCodeOf(response: RawResponse): string | undefined {
	return /"code":"([A-Z_]+)"/.exec(response.body)?.[1];
}
