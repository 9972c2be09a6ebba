import type { Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, UnitsSnapshot } from '../../shared/feed.js';
import type { ErrorBody, Reply } from '../../shared/reply.js';
import type { SocketData } from './hub.js';

type FeedSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** A screen sees a gap at most every few seconds; more than this is a fault or an attack. */
export const RESYNCS_PER_SECOND = 5;

const refusal = (error: ErrorBody): Reply<never> => ({ ok: false, error });

/**
 * What a screen may send on the live feed: `units:resync` with its reply callback, a few times a
 * second at most, since each answer is a full snapshot. Anything else that asks for a reply is
 * told why it is refused; what asks for none is ignored.
 */
export function answerClientEvents(socket: FeedSocket, resync: () => UnitsSnapshot): void {
  let windowStart = 0;
  let inWindow = 0;
  socket.on('units:resync', (...args: unknown[]) => {
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') return;
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      inWindow = 0;
    }
    inWindow += 1;
    if (args.length > 1) ack(refusal({ code: 'invalid_input', message: 'units:resync takes no arguments, only the reply callback' }));
    else if (inWindow > RESYNCS_PER_SECOND) ack(refusal({ code: 'rate_limited', message: `at most ${RESYNCS_PER_SECOND} resyncs a second; ask again in a moment` }));
    else ack(resync());
  });
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (event === 'units:resync') return;
    const ack = args[args.length - 1];
    const name = typeof event === 'string' ? event.slice(0, 60) : typeof event;
    if (typeof ack === 'function') ack(refusal({ code: 'invalid_input', message: `the live feed takes no "${name}" event; it takes units:resync only` }));
  });
}
