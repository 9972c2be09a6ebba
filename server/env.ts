import { z } from 'zod';
import { formatPath } from '../shared/reply.js';
import { UnitType } from '../shared/units.js';
import { DEFAULT_POLICY, type TrackingPolicy } from './tracking/status.js';
import { DeadlinePolicy } from './alerts/deadlines.js';
import { redactUrl } from './db/url.js';

const OnOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const Seconds = z.coerce.number().positive();

/** A setting written as JSON in one environment variable. */
const JsonText = z.string().transform((s, ctx) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
    return z.NEVER;
  }
});

/**
 * Every setting the server reads from its environment, with a default that works on one
 * machine with no configuration.
 */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** the OsmAnd / Traccar Client protocol on its own port, as trackers expect it; 'off' to disable */
  OSMAND_PORT: z.union([z.literal('off'), z.coerce.number().int().min(1).max(65_535)]).default(5055),
  /** Cursor on Target from TAK devices, TCP and UDP on this port (TAK's 8087); 'off' to disable */
  COT_PORT: z.union([z.literal('off'), z.coerce.number().int().min(1).max(65_535)]).default(8087),
  /** networks allowed to send CoT, as CIDRs: the streaming port has no authentication of its own */
  COT_ALLOW: z
    .string()
    .regex(/^\s*[0-9a-fA-F:.]+(\/\d{1,3})?(\s*,\s*[0-9a-fA-F:.]+(\/\d{1,3})?)*\s*$/, 'a comma-separated list of CIDRs, e.g. 10.0.0.0/8,127.0.0.1/32')
    .default('127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16'),
  /** where the embedded SQLite database lives */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * a PostgreSQL server to keep everything in instead of SQLite (several server nodes share
   * one), e.g. postgres://ops:secret@db.example:5432/ops
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a PostgreSQL URL: postgres://user:password@host:5432/database')
    .refine((s) => URL.canParse(s), 'not a readable URL: check for a special character in the password that needs %-encoding')
    .optional(),
  /**
   * Redis shared by several server nodes on one PostgreSQL database: live updates, incidents and
   * alerts reach the screens of every node, e.g. redis://redis-host:6379 (rediss:// over TLS)
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a Redis URL: redis://host:6379 (or rediss:// over TLS, redis://:password@host:6379)')
    .refine((s) => URL.canParse(s), 'not a readable URL: check for a special character in the password that needs %-encoding')
    .optional(),
  /** this node's name in logs and on /healthz; the host name and process id when not given */
  NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'up to 64 letters, digits and . _ : -')
    .optional(),
  /** built client to serve; empty means do not serve a client */
  CLIENT_DIR: z.string().default('./dist/client'),
  SIMULATOR: OnOff.default(true),
  SIMULATOR_SEED: z.coerce.number().int().default(20_140_529),
  SIMULATOR_UNITS: z.coerce.number().int().min(1).max(5_000).default(48),
  /** how often coalesced updates go out to dashboards, milliseconds */
  TICK_MS: z.coerce.number().int().min(50).max(10_000).default(200),
  /**
   * per unit type, how long without a report before a unit is stale, then lost, as JSON, e.g.
   * {"ipo-foot":{"staleAfterS":300,"lostAfterS":1200}}; types left out keep their defaults
   */
  STATUS_THRESHOLDS: JsonText.pipe(
      z.partialRecord(
        UnitType,
        z
          .object({ staleAfterS: Seconds, lostAfterS: Seconds })
          .refine((t) => t.lostAfterS > t.staleAfterS, 'lostAfterS must be longer than staleAfterS'),
      ),
    )
    .optional(),
  /**
   * deadlines in minutes per severity (1 low … 4 critical), as JSON, over the defaults, e.g.
   * {"verifyMinutes":{"4":5},"assignMinutes":{"3":45},"acknowledgeMinutes":{"4":1}}
   */
  DEADLINES: JsonText.pipe(DeadlinePolicy).optional(),
  /** how far ahead of the server's clock a fix may be stamped before it is refused */
  MAX_CLOCK_SKEW_S: Seconds.default(120),
  /** position history older than this is pruned */
  HISTORY_DAYS: z.coerce.number().positive().default(30),
  /** how far back replay reaches, hours; never further than HISTORY_DAYS keeps */
  REPLAY_HOURS: z.coerce.number().int().min(1).max(24 * 366).default(24),
  /** optional raster tile URL template ({z}/{x}/{y}) for a self-hosted tile server */
  BASEMAP_TILES_URL: z.string().url().optional(),
  /** the first administrator's password, for automated deployments; otherwise a random one is printed once */
  ADMIN_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
  /** set when a TLS proxy is in front, so the session cookie is sent over HTTPS only */
  SECURE_COOKIES: OnOff.default(false),
  LOGINS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  /** position requests per device per minute */
  INGEST_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  MAX_BODY_MB: z.coerce.number().positive().max(100).default(8),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment, or returns a readable list of what is wrong with it. */
export function parseEnv(
  source: Record<string, string | undefined>,
): { ok: true; env: Env } | { ok: false; message: string } {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(present);
  if (result.success) {
    if (result.data.REDIS_URL && !result.data.DATABASE_URL) {
      return {
        ok: false,
        message:
          `The environment has settings the server cannot use:\n  REDIS_URL=${JSON.stringify(redactUrl(result.data.REDIS_URL))}: ` +
          'several server nodes need one PostgreSQL database to share (set DATABASE_URL); they cannot share a SQLite file. ' +
          'For a single server, leave REDIS_URL unset.',
      };
    }
    return { ok: true, env: result.data };
  }
  const lines = result.error.issues.map((i) => {
    const key = formatPath(i.path);
    // A database or Redis URL may carry a password: it is never echoed.
    const given = key === 'DATABASE_URL' || key === 'REDIS_URL' ? redactUrl(source[key] ?? '') : (source[key] ?? '');
    return `  ${key}=${JSON.stringify(given)}: ${i.message}`;
  });
  return { ok: false, message: `The environment has settings the server cannot use:\n${lines.join('\n')}` };
}

/** The tracking policy the environment asks for: per-type thresholds over the defaults. */
export function trackingPolicyFrom(env: Env): TrackingPolicy {
  const thresholds = { ...DEFAULT_POLICY.thresholds };
  for (const type of UnitType.options) {
    const given = env.STATUS_THRESHOLDS?.[type];
    if (given) thresholds[type] = { staleAfterMs: given.staleAfterS * 1000, lostAfterMs: given.lostAfterS * 1000 };
  }
  return { ...DEFAULT_POLICY, thresholds, maxClockSkewMs: env.MAX_CLOCK_SKEW_S * 1000 };
}
