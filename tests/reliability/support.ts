/**
 * Shared checks for the hostile-input tests: the server is still up, a refusal says what was
 * wrong, the stored state did not move, and no prototype was polluted.
 */
import { sql } from 'kysely';
import { request } from 'node:http';
import { expect } from 'vitest';
import { ErrorBody } from '../../shared/reply.js';
import type { TestServer } from '../support/server.js';

/** Everything a hostile input could have changed, in a form that compares with `toEqual`. */
export interface Fingerprint {
  /** the live picture in memory, each unit with its last fix */
  liveUnits: string;
  /** the units table, each row with its last fix */
  storedUnits: string;
  positions: number;
  incidents: number;
  incidentEvents: number;
  alerts: number;
  acknowledgedAlerts: number;
  audit: number;
  patrolOrders: number;
}

async function count(server: TestServer, table: 'positions' | 'incidents' | 'incident_events' | 'alerts' | 'audit' | 'patrol_orders'): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(server.db);
  return Number(rows[0]?.n ?? -1);
}

export async function fingerprint(server: TestServer): Promise<Fingerprint> {
  const stored = await server.db.selectFrom('units').selectAll().orderBy('id').execute();
  const { rows: acked } = await sql<{ n: number }>`select count(*) as n from alerts where acknowledged_at is not null`.execute(server.db);
  return {
    liveUnits: JSON.stringify(server.app.tracker.allUnits().sort((a, b) => a.id.localeCompare(b.id))),
    storedUnits: JSON.stringify(stored),
    positions: await count(server, 'positions'),
    incidents: await count(server, 'incidents'),
    incidentEvents: await count(server, 'incident_events'),
    alerts: await count(server, 'alerts'),
    acknowledgedAlerts: Number(acked[0]?.n ?? -1),
    audit: await count(server, 'audit'),
    patrolOrders: await count(server, 'patrol_orders'),
  };
}

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/** Nothing was added to Object.prototype (the server runs in this process, so this is its prototype too). */
export function expectPrototypeIntact(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(',')).toBe(PROTOTYPE_NAMES);
  const probe: Record<string, unknown> = {};
  for (const key of ['polluted', 'isAdmin', 'role', 'unitId', 'lat', 'ok']) expect(probe[key], `Object.prototype.${key}`).toBeUndefined();
}

export async function expectAlive(url: string): Promise<void> {
  const res = await httpRequest(`${url}/healthz`);
  expect(res.status, 'the server answers /healthz').toBe(200);
}

/** An HTTP reply as the tests read it: status, status text, and body as text. */
export interface RawReply {
  status: number;
  statusText: string;
  text: string;
}

/**
 * One HTTP request on a connection of its own (no keep-alive), the body sent exactly as given:
 * a connection the server closed after an earlier input can never be reused and reset.
 */
export function httpRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * The reason a refusal gives, as one line: `message; path: issue; …` for the JSON reply shape,
 * the text for plain-text replies (OsmAnd), the status text when there is no body at all.
 */
export function reasonOf(reply: RawReply): string {
  let json: unknown;
  try {
    json = JSON.parse(reply.text);
  } catch {
    return reply.text.trim() || reply.statusText;
  }
  const shape = ErrorBody.safeParse(typeof json === 'object' && json !== null && 'error' in json ? json.error : undefined);
  if (!shape.success) return reply.text;
  return [shape.data.message, ...(shape.data.issues ?? []).map((i) => `${i.path}: ${i.message}`)].join('; ');
}

/** A 4xx whose reason names what was wrong (`mentions`). */
export function expectRefusal(reply: RawReply, mentions: RegExp, status?: number): void {
  const reason = reasonOf(reply);
  if (status !== undefined) expect(reply.status, `status for: ${reason}`).toBe(status);
  expect(reply.status, `a refusal, not ${reply.status}: ${reason.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(reply.status, `a refusal, not ${reply.status}: ${reason.slice(0, 300)}`).toBeLessThan(500);
  expect(reason.length, 'the refusal gives a reason').toBeGreaterThan(5);
  expect(reason).toMatch(mentions);
}

/** Counts the inputs tried on one ingress and prints the figure the README quotes. */
export class Tally {
  private corpus = 0;
  private generated = 0;

  constructor(
    private readonly ingress: string,
    private readonly outcome = 'refused with the reason, the server up, the state unchanged',
  ) {}

  hand(): void {
    this.corpus += 1;
  }

  property(): void {
    this.generated += 1;
  }

  get total(): number {
    return this.corpus + this.generated;
  }

  print(): void {
    console.log(`[reliability] ${this.ingress}: ${this.total} hostile inputs, each ${this.outcome} (${this.corpus} hand-written, ${this.generated} generated)`);
  }
}

/** The same seed every run, so a failure can be replayed; RELIABILITY_SEED tries another. */
export const SEED = Number(process.env.RELIABILITY_SEED ?? 20_240_528);

/** A position inside the mission area, near Malakal. */
export const MALAKAL = { lat: 9.5334, lon: 31.6605 } as const;

/** Waits until `check` holds (for set-up outside a test, where expect.poll cannot run). */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the fingerprint stops moving (rules that run after a reply), and returns it. */
export async function settledFingerprint(server: TestServer): Promise<Fingerprint> {
  let previous = await fingerprint(server);
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await fingerprint(server);
    if (JSON.stringify(now) === JSON.stringify(previous)) return now;
    previous = now;
  }
}
