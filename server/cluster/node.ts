import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { ServerOptions } from 'socket.io';
import { redactUrl } from '../db/url.js';
import { LocalBus, RedisBus, type ClusterBus } from './bus.js';
import { AdvisoryLockLeadership, SoleLeadership, type Leadership } from './leadership.js';

/** This server process among the others that share its database and Redis (or on its own). */
export interface ClusterNode {
  /** how this node is named in logs and on /healthz */
  readonly nodeId: string;
  /** whether other nodes may share the work (REDIS_URL is set) */
  readonly clustered: boolean;
  readonly leadership: Leadership;
  readonly bus: ClusterBus;
  /** Socket.IO's adapter, carrying broadcasts to every node's screens; none on a node of its own */
  readonly adapter: ServerOptions['adapter'] | undefined;
  close(): Promise<void>;
}

export function defaultNodeId(): string {
  return `${hostname()}-${process.pid}`;
}

/** A server on its own: it leads from the start and tells nobody. */
export function soleNode(nodeId = defaultNodeId()): ClusterNode {
  return { nodeId, clustered: false, leadership: new SoleLeadership(), bus: new LocalBus(), adapter: undefined, close: () => Promise.resolve() };
}

/** Every key and channel this application uses in Redis starts with this. */
export const REDIS_PREFIX = 'unpol-ops';

/**
 * Joins the other nodes: Socket.IO's broadcasts go through Redis (so an incident or an alert
 * sent on one node reaches every node's screens once), changes to the live picture go out on the
 * cluster bus, and the work that runs once is held by whichever node holds the PostgreSQL lock.
 * Fails with a clear reason when Redis cannot be reached.
 */
export async function joinCluster(options: {
  redisUrl: string;
  databaseUrl: string;
  nodeId: string;
  logger: Logger;
  /** how often a node not leading tries for the lead, and the leader checks its hold */
  leaderCheckMs?: number;
}): Promise<ClusterNode> {
  const { logger, nodeId } = options;
  const shown = redactUrl(options.redisUrl);
  let lastLogged = 0;
  const onError = (err: Error) => {
    // Redis reconnects by itself; say so now and then, not on every try.
    if (Date.now() - lastLogged < 10_000) return;
    lastLogged = Date.now();
    logger.error({ err: err.message, redis: shown }, 'the connection to Redis broke; reconnecting (other nodes miss this node\'s live updates meanwhile)');
  };
  const connect = async (role: string): Promise<Redis> => {
    const client = new Redis(options.redisUrl, { lazyConnect: true, connectionName: `unpol-ops ${role} ${nodeId}`.replace(/\s+/g, '-'), connectTimeout: 10_000 });
    // The first failure says why (refused, unknown host, wrong password); the promise only that it closed.
    let firstError: Error | undefined;
    const early = (err: Error) => (firstError ??= err);
    client.on('error', early);
    try {
      await client.connect();
    } catch (err) {
      client.disconnect();
      const reason = firstError ?? err;
      throw new Error(`Redis at ${shown} cannot be reached: ${reason instanceof Error ? reason.message : String(reason)}`);
    }
    client.off('error', early);
    client.on('error', onError);
    return client;
  };
  const clients: Redis[] = [];
  try {
    const pub = await connect('pub');
    clients.push(pub);
    const sub = await connect('sub');
    clients.push(sub);
    const busSub = await connect('bus');
    clients.push(busSub);
    const bus = await RedisBus.open({ pub, sub: busSub, channel: `${REDIS_PREFIX}#cluster`, nodeId, logger });
    const adapter = createAdapter(pub, sub, { key: `${REDIS_PREFIX}#socket.io` });
    const leadership = new AdvisoryLockLeadership(options.databaseUrl, nodeId, logger, options.leaderCheckMs);
    return {
      nodeId,
      clustered: true,
      leadership,
      bus,
      adapter,
      async close() {
        await leadership.close();
        await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
      },
    };
  } catch (err) {
    for (const c of clients) c.disconnect();
    throw err;
  }
}
