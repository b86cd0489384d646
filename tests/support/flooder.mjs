// A misbehaving client in its own process (as it would be on its own machine): connects, then
// sends `count` session:join requests without waiting for acks, and reports how they ended.
// Usage: node flooder.mjs <url> <code> <count>
import { io } from 'socket.io-client';

const [url, code, count] = process.argv.slice(2);
const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
const tally = {};
let settled = 0;
const done = (key) => {
	tally[key] = (tally[key] ?? 0) + 1;
	if (++settled === Number(count)) {
		console.log(JSON.stringify({ tally, disconnected: !socket.connected }));
		process.exit(0);
	}
};
socket.on('connect', () => {
	console.log('flooding');
	for (let i = 0; i < Number(count); i++)
		socket.timeout(20_000).emit('session:join', { code, groupId: i % 2 ? 'g1' : 'g2' }, (err, ack) => done(err ? 'NO_ACK' : ack.ok ? 'OK' : ack.error.code));
});
socket.on('connect_error', (e) => {
	console.error(e.message);
	process.exit(1);
});
