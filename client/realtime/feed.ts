import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import { Alert, AlertsSnapshot } from '../../shared/alerts.js';
import { IncidentSummary } from '../../shared/incidents.js';
import { PatrolOrder, PatrolsSnapshot } from '../../shared/patrols.js';
import { fromPatrolSnapshot, withPatrol } from '../patrols/merge.js';
import { IncidentsSnapshot, UnitMirror, UnitsDelta, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/feed.js';
import { mergeUnits, unitsById } from '../state/merge.js';
import type { Link, OpsStore } from '../state/store.js';
import { parseUnitsMessage, type ParsedUnitsMessage } from './parse.js';

export interface FeedOptions {
  /** server origin; the page's own origin when left out */
  url?: string;
  /** how long the link may be down before the screen says "offline" rather than "reconnecting" */
  offlineAfterMs?: number;
  /** how long to wait for a resync snapshot before asking again */
  resyncTimeoutMs?: number;
  /** where the browser's online/offline events come from; the window by default */
  browser?: Pick<Window, 'addEventListener' | 'removeEventListener'> | undefined;
  /**
   * Told each time the server refuses the connection, with its reason ('unauthenticated' once
   * the session has gone), so the page can ask the person to sign in again.
   */
  onRefused?: (reason: string) => void;
}

type FeedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The same complaint at most once a minute: a wall display runs for weeks. */
function throttledWarn(): (key: string, message: string) => void {
  const last = new Map<string, number>();
  return (key, message) => {
    const now = Date.now();
    if ((last.get(key) ?? -Infinity) > now - 60_000) return;
    last.set(key, now);
    console.warn(message);
  };
}

/**
 * The only module that talks to the live feed. It parses every message with the shared
 * schemas, merges units by id into the store, asks for a snapshot when a sequence number is
 * skipped, and keeps the link state honest. Returns a function that stops it.
 */
export function startFeed(store: OpsStore, options: FeedOptions = {}): () => void {
  const offlineAfterMs = options.offlineAfterMs ?? 15_000;
  const resyncTimeoutMs = options.resyncTimeoutMs ?? 10_000;
  // Retries at most 2 s apart (Socket.IO waits up to 5 s by default): a screen is back on
  // the live picture within moments of its link returning, even when the browser does not notice.
  const socketOptions = { reconnectionDelayMax: 2_000 };
  const socket: FeedSocket = options.url ? io(options.url, socketOptions) : io(socketOptions);
  const warn = throttledWarn();

  let offlineTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let resyncing = false;
  let resyncDelay = 1_000;

  const setLink = (patch: Partial<Link>) => store.setState((s) => ({ link: { ...s.link, ...patch } }));

  /** Parses a message; reports what was wrong with it, and returns null when nothing is usable. */
  const read = (what: string, raw: unknown): ParsedUnitsMessage | null => {
    const parsed = parseUnitsMessage(raw);
    if ('error' in parsed) {
      warn(what, `the server sent ${what} the client cannot read:\n${parsed.error}`);
      return null;
    }
    if (parsed.firstProblem) {
      warn(`${what}-unit`, `the server sent ${parsed.rejected} unit(s) the client cannot read in ${what}; first: ${parsed.firstProblem}`);
    }
    return parsed;
  };

  // The screen's copy of every unit, which compact deltas are decoded against.
  const mirror = new UnitMirror();

  const applySnapshot = (snapshot: ParsedUnitsMessage) => {
    const units = mirror.applySnapshot({ seq: snapshot.seq, time: snapshot.time, units: snapshot.units });
    store.setState((s) => ({
      units: unitsById(units),
      seq: snapshot.seq,
      clockOffsetMs: snapshot.time - Date.now(),
      link: { ...s.link, lastUpdate: snapshot.time },
    }));
  };

  const resync = () => {
    if (resyncing || !socket.connected) return;
    resyncing = true;
    clearTimeout(retryTimer);
    socket.timeout(resyncTimeoutMs).emit('units:resync', (err: Error | null, raw: unknown) => {
      resyncing = false;
      const snapshot = err ? null : read('a resync snapshot', raw);
      if (snapshot) {
        resyncDelay = 1_000;
        applySnapshot(snapshot);
        return;
      }
      // Ask again, backing off: the link or the server is struggling.
      retryTimer = setTimeout(resync, resyncDelay);
      resyncDelay = Math.min(resyncDelay * 2, 60_000);
    });
  };

  const goneDown = () => {
    const { link } = store.getState();
    if (link.downSince === null) setLink({ state: link.state === 'offline' ? 'offline' : 'reconnecting', downSince: Date.now() });
    else if (link.state === 'connected') setLink({ state: 'reconnecting' });
    if (offlineTimer === undefined) {
      offlineTimer = setTimeout(() => {
        offlineTimer = undefined;
        if (!socket.connected) setLink({ state: 'offline' });
      }, offlineAfterMs);
    }
  };

  socket.on('connect', () => {
    clearTimeout(offlineTimer);
    offlineTimer = undefined;
    setLink({ state: 'connected', downSince: null, everConnected: true });
  });

  socket.on('disconnect', (reason) => {
    goneDown();
    // After a server-side disconnect Socket.IO does not reconnect by itself.
    if (reason === 'io server disconnect') socket.connect();
  });

  // A refusal by the server (not signed in yet, session revoked) stops Socket.IO's own retries;
  // keep asking, slowly, so a wall display recovers once its session is restored.
  let refusedDelay = 5_000;
  socket.on('connect_error', (err) => {
    goneDown();
    if (socket.active) return;
    warn('refused', `the live feed refused the connection: ${err.message}`);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => socket.connect(), refusedDelay);
    refusedDelay = Math.min(refusedDelay * 2, 60_000);
    // Last: the listener may stop this feed on the spot.
    options.onRefused?.(err.message);
  });
  socket.on('connect', () => {
    refusedDelay = 5_000;
  });

  socket.on('units:snapshot', (raw: unknown) => {
    const snapshot = read('a snapshot', raw);
    if (snapshot) applySnapshot(snapshot);
  });

  socket.on('units:delta', (raw: unknown) => {
    const parsed = UnitsDelta.safeParse(raw);
    if (!parsed.success) {
      warn('an update', `the server sent an update the client cannot read:\n${z.prettifyError(parsed.error)}`);
      resync();
      return;
    }
    const delta = parsed.data;
    if (mirror.seq !== null && delta.seq <= mirror.seq) return;
    // A delta after a gap still carries each unit's newest state: show it now, then resync.
    const { changed, gap } = mirror.applyDelta(delta);
    store.setState((s) => ({
      units: mergeUnits(s.units, changed),
      seq: delta.seq,
      clockOffsetMs: delta.time - Date.now(),
      link: { ...s.link, lastUpdate: delta.time },
    }));
    if (gap) resync();
  });

  socket.on('incidents:snapshot', (raw: unknown) => {
    const parsed = IncidentsSnapshot.safeParse(raw);
    if (!parsed.success) {
      warn('incidents', `the server sent incidents the client cannot read:\n${z.prettifyError(parsed.error)}`);
      return;
    }
    store.setState({ incidents: new Map(parsed.data.incidents.map((i) => [i.id, i])) });
  });
  const onIncident = (raw: unknown) => {
    const parsed = IncidentSummary.safeParse(raw);
    if (!parsed.success) {
      warn('incident', `the server sent an incident the client cannot read:\n${z.prettifyError(parsed.error)}`);
      return;
    }
    store.setState((s) => ({ incidents: new Map(s.incidents).set(parsed.data.id, parsed.data) }));
  };
  socket.on('incident:created', onIncident);
  socket.on('incident:updated', onIncident);

  // Alerts are never merged or dropped by the server: each one is applied as it comes.
  socket.on('alerts:snapshot', (raw: unknown) => {
    const parsed = AlertsSnapshot.safeParse(raw);
    if (!parsed.success) {
      warn('alerts', `the server sent alerts the client cannot read:\n${z.prettifyError(parsed.error)}`);
      return;
    }
    store.setState({ alerts: new Map(parsed.data.alerts.map((a) => [a.id, a])) });
  });
  const onAlert = (raw: unknown) => {
    const parsed = Alert.safeParse(raw);
    if (!parsed.success) {
      warn('alert', `the server sent an alert the client cannot read:\n${z.prettifyError(parsed.error)}`);
      return;
    }
    store.setState((s) => ({ alerts: new Map(s.alerts).set(parsed.data.id, parsed.data) }));
  };
  socket.on('alert:raised', onAlert);
  socket.on('alert:updated', onAlert);

  socket.on('patrols:snapshot', (raw: unknown) => {
    const parsed = PatrolsSnapshot.safeParse(raw);
    if (!parsed.success) {
      warn('patrols', `the server sent patrol orders the client cannot read:\n${z.prettifyError(parsed.error)}`);
      return;
    }
    store.setState((s) => ({ patrols: fromPatrolSnapshot(s.patrols, parsed.data) }));
  });
  socket.on('patrol:updated', (raw: unknown) => {
    const parsed = PatrolOrder.safeParse(raw);
    if (!parsed.success) {
      warn('patrol', `the server sent a patrol order the client cannot read:\n${z.prettifyError(parsed.error)}`);
      return;
    }
    store.setState((s) => ({ patrols: withPatrol(s.patrols, parsed.data) }));
  });

  const onBrowserOffline = () => {
    if (!socket.connected) setLink({ state: 'offline', downSince: store.getState().link.downSince ?? Date.now() });
  };
  const onBrowserOnline = () => {
    // At once, not at the end of the retry wait: connect() alone waits for a retry already planned.
    if (!socket.connected) socket.disconnect().connect();
  };
  const browser = 'browser' in options ? options.browser : globalThis.window;
  browser?.addEventListener('offline', onBrowserOffline);
  browser?.addEventListener('online', onBrowserOnline);

  return () => {
    browser?.removeEventListener('offline', onBrowserOffline);
    browser?.removeEventListener('online', onBrowserOnline);
    clearTimeout(offlineTimer);
    clearTimeout(retryTimer);
    socket.removeAllListeners();
    socket.disconnect();
  };
}
