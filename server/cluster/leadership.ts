import pg from 'pg';
import type { Logger } from 'pino';
import { redactUrl } from '../db/url.js';

/**
 * Who does the work that must run once in the whole deployment: stale and lost alerts,
 * deadlines and escalation, patrol due times, arrivals, pruning. With one server node, that node;
 * with several, the one holding a PostgreSQL advisory lock.
 */
export interface Leadership {
  /** whether this node does the work that runs once, now */
  leading(): boolean;
  /** Told when this node takes the work over, or loses it. */
  onChange(listener: (leading: boolean) => void): () => void;
  /** Starts holding (or trying for) the work; resolves after the first try. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A server on its own: it always leads, from the start. */
export class SoleLeadership implements Leadership {
  leading(): boolean {
    return true;
  }

  onChange(): () => void {
    return () => undefined;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * The advisory lock the leading node holds: one per database, so two deployments on two
 * databases never stand in each other's way. ('UNPO', 'LEAD' as two 32-bit keys.)
 */
export const LEADER_LOCK: readonly [number, number] = [0x554e504f, 0x4c454144];

/**
 * Leadership held as a PostgreSQL session advisory lock, on a connection of its own kept open
 * for as long as the node leads. The others try for it every `everyMs`. When the leading
 * process dies, its connection closes, PostgreSQL releases the lock, and the next node to try
 * takes it — within a few seconds. A leader whose connection breaks (checked every `everyMs`)
 * stops leading at once: it can no longer know that nobody else has taken over.
 */
export class AdvisoryLockLeadership implements Leadership {
  private client: pg.Client | null = null;
  private held = false;
  private busy = false;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(leading: boolean) => void>();

  constructor(
    private readonly databaseUrl: string,
    private readonly nodeId: string,
    private readonly logger: Logger,
    private readonly everyMs = 2_000,
  ) {}

  leading(): boolean {
    return this.held;
  }

  onChange(listener: (leading: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => void this.attempt(), this.everyMs);
    this.timer.unref();
    await this.attempt();
    if (!this.held) this.logger.info({ node: this.nodeId }, 'another server node leads; this one stands by to take over');
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.timer = undefined;
    const client = this.client;
    this.client = null;
    this.held = false;
    // Ending the session releases the lock: another node takes over at its next try.
    if (client) await client.end().catch(() => undefined);
  }

  /** One try: take the lock if free, or, while holding it, check the connection still stands. */
  private async attempt(): Promise<void> {
    if (this.busy || this.closed) return;
    this.busy = true;
    try {
      const client = this.client ?? (await this.connect());
      if (this.held) {
        await client.query('select 1');
      } else {
        const result = await client.query<{ got: boolean }>('select pg_try_advisory_lock($1, $2) as got', [...LEADER_LOCK]);
        if (result.rows[0]?.got === true && !this.closed) this.set(true);
      }
    } catch (err) {
      this.drop(err);
    } finally {
      this.busy = false;
    }
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: `unpol-ops leadership ${this.nodeId}`.slice(0, 63),
      connectionTimeoutMillis: this.everyMs * 2,
      query_timeout: this.everyMs * 2,
      keepAlive: true,
    });
    // A connection that breaks between tries: the lock went with it.
    client.on('error', (err) => {
      if (this.client === client) this.drop(err);
    });
    client.on('end', () => {
      if (this.client === client) this.drop(new Error('the connection closed'));
    });
    try {
      await client.connect();
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      throw new Error('closing');
    }
    this.client = client;
    return client;
  }

  private drop(err: unknown): void {
    const client = this.client;
    this.client = null;
    if (client) void client.end().catch(() => undefined);
    if (this.closed) return;
    const reason = err instanceof Error ? err.message : String(err);
    if (this.held) {
      this.logger.error({ node: this.nodeId, reason, database: redactUrl(this.databaseUrl) }, 'lost the connection that holds the lead: this node stops the work that runs once until it holds it again');
      this.set(false);
    } else {
      this.logger.warn({ node: this.nodeId, reason }, 'could not try for the lead; trying again');
    }
  }

  private set(leading: boolean): void {
    if (this.held === leading) return;
    this.held = leading;
    if (leading) this.logger.info({ node: this.nodeId }, 'this server node now leads: it runs stale and lost alerts, deadlines, patrol due times and pruning');
    for (const listener of this.listeners) {
      try {
        listener(leading);
      } catch (err) {
        this.logger.error({ err }, 'a change of lead could not be acted on');
      }
    }
  }
}
