import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, FacilitatorResults, OutcomeState, ParticipantResults, Presence, ServerToClientEvents, StatusResult } from '$lib/protocol';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';
export type AppClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Owns the one Socket.IO connection of the page and turns its events into state. Feature stores
 * emit through `socket` and read the state here; this class is the only place that calls
 * `socket.on`, so every server push lands in exactly one field.
 */
export class Connection {
	status = $state<ConnectionStatus>('connecting');
	/** Latest counts per group (facilitators only). */
	presence = $state<Presence>();
	/** Latest lock/close change of the session this socket belongs to. */
	sessionStatus = $state<StatusResult>();
	/** Latest published aggregate (facilitators only). */
	results = $state.raw<FacilitatorResults>();
	/** When `results` last changed, so a newer attach state can take precedence. */
	resultsAt = 0;
	/** Latest outcome: agreements, ideas, votes, measures (facilitators only). */
	outcome = $state.raw<OutcomeState>();
	outcomeAt = 0;
	/** Latest reveal step and what it shows (participants), or a step set on another facilitator screen. */
	revealed = $state.raw<ParticipantResults>();
	/** When `revealed` last changed, so a local choice made later can take precedence. */
	revealedAt = 0;
	readonly socket: AppClientSocket;
	private readonly connectHooks = new Set<() => void>();

	constructor(url?: string) {
		// Long-polling first, then the upgrade: phones on networks that block WebSockets still get in.
		const options = { reconnectionDelay: 500, reconnectionDelayMax: 4000 };
		this.socket = url ? io(url, options) : io(options);
		this.socket.on('connect', () => {
			this.status = 'online';
			for (const hook of this.connectHooks) hook();
		});
		this.socket.on('disconnect', () => (this.status = 'offline'));
		this.socket.on('connect_error', () => (this.status = 'offline'));
		this.socket.io.on('reconnect_attempt', () => {
			if (this.status !== 'online') this.status = 'connecting';
		});
		this.socket.on('session:presence', (presence) => (this.presence = presence));
		this.socket.on('session:status', (status) => (this.sessionStatus = status));
		this.socket.on('session:results', (results) => {
			this.resultsAt = performance.now();
			this.results = results;
		});
		this.socket.on('outcome:changed', (state) => {
			this.outcomeAt = performance.now();
			this.outcome = state;
		});
		this.socket.on('session:reveal', (revealed) => {
			this.revealedAt = performance.now();
			this.revealed = revealed;
		});
		// A phone that wakes from a locked screen should not wait for the next back-off step.
		if (typeof document !== 'undefined')
			document.addEventListener('visibilitychange', () => {
				if (document.visibilityState === 'visible' && !this.socket.connected) this.socket.connect();
			});
	}

	/**
	 * Runs `hook` on every (re)connect, and now if already connected: where a feature re-joins its
	 * session after a lost connection. Returns the function that removes it.
	 */
	onConnect(hook: () => void): () => void {
		this.connectHooks.add(hook);
		if (this.socket.connected) hook();
		return () => this.connectHooks.delete(hook);
	}


	close() {
		this.socket.close();
	}
}

let shared: Connection | undefined;
/** The page's connection, opened on first use (never during server-side rendering). */
export function getConnection(): Connection {
	shared ??= new Connection();
	return shared;
}
