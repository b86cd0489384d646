// The floor the app sits on: bare Socket.IO on Node, acking every message with a payload of the
// same shape as an answer's ack, and no application logic at all.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { maxHttpBufferSize: 16 * 1024, serveClient: false });
io.on('connection', (socket) => {
	socket.on('answer:submit', (payload, ack) => ack({ ok: true, data: payload }));
});
http.listen(0, '127.0.0.1', () => console.log(`echo listening on http://127.0.0.1:${http.address().port}`));
process.on('SIGTERM', () => io.close(() => process.exit(0)));
