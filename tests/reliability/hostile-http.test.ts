/**
 * Hostile input on the HTTP JSON API: position batches, incidents, assignments, alert
 * acknowledgements and the unit roster. Every input must be refused with a reason that names
 * what was wrong, the server must stay up, and nothing stored may change.
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { postAsDevice, startServer, testUnit, type Client, type TestServer } from '../support/server.js';
import { expectAlive, expectPrototypeIntact, expectRefusal, fingerprint, httpRequest, MALAKAL, reasonOf, SEED, settledFingerprint, Tally, until, type Fingerprint, type RawReply } from './support.js';

let server: TestServer;
let deviceToken = '';
let operator: Client;
let admin: Client;
let incidentId = '';
let baseline: Fingerprint;
// The properties run hundreds of inputs: generous on a loaded machine, a few seconds on an idle one.
vi.setConfig({ testTimeout: 120_000 });

const tally = new Tally('HTTP JSON API');

type Sender = 'device' | 'operator' | 'admin' | 'nobody';

/** Sends a body exactly as given (text or raw bytes), as a tracker or a signed-in person. */
async function send(method: 'POST' | 'PATCH', path: string, body: string | Uint8Array, as: Sender, headers: Record<string, string> = {}): Promise<RawReply> {
  const auth: Record<string, string> =
    as === 'device'
      ? { authorization: `Bearer ${deviceToken}` }
      : as === 'operator'
        ? { cookie: operator.cookie, 'x-csrf-token': operator.csrf }
        : as === 'admin'
          ? { cookie: admin.cookie, 'x-csrf-token': admin.csrf }
          : {};
  return httpRequest(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', ...auth, ...headers }, body });
}

const positions = (body: string | Uint8Array, headers?: Record<string, string>) => send('POST', '/api/positions', body, 'device', headers);
const newIncident = (body: string | Uint8Array) => send('POST', '/api/incidents', body, 'operator');

/** After every input: still up, nothing stored moved, no prototype touched. */
async function expectNothingChanged(): Promise<void> {
  await expectAlive(server.url);
  expect(await fingerprint(server)).toEqual(baseline);
  expectPrototypeIntact();
}

const fix = (over: Record<string, unknown> = {}) => ({ unitId: 'rel-mal-1', time: Date.now() - 30_000, lat: MALAKAL.lat, lon: MALAKAL.lon, ...over });
const batch = (...reports: unknown[]) => JSON.stringify({ reports });
const incident = (over: Record<string, unknown> = {}) => ({
  category: 'crime',
  severity: 2,
  title: 'Theft at the market',
  description: 'Reported by a trader',
  location: { lat: MALAKAL.lat, lon: MALAKAL.lon },
  ...over,
});

/** `[[[…]]]` this many levels deep, as text (building it as a value would need as many frames). */
const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);

beforeAll(async () => {
  server = await startServer({ config: { ingestPerMinute: 1_000_000 } });
  await server.register([testUnit('rel-mal-1'), testUnit('rel-mal-2')]);
  deviceToken = await server.deviceToken('rel-mal-1');
  operator = await server.signIn('operator');
  admin = await server.signIn('admin');
  // Something to lose: a live fix, an SOS with its alert and incident, and a reported incident.
  expect((await postAsDevice(`${server.url}/api/positions`, deviceToken, { reports: [fix()] })).status).toBe(200);
  const sos = await postAsDevice(`${server.url}/api/positions`, await server.deviceToken('rel-mal-2'), {
    reports: [{ unitId: 'rel-mal-2', time: Date.now() - 20_000, lat: MALAKAL.lat + 0.01, lon: MALAKAL.lon, activity: 'sos' }],
  });
  expect(sos.status).toBe(200);
  const created = await operator.send('POST', '/api/incidents', incident());
  expect(created.status).toBe(201);
  incidentId = (created.body as { data: { id: string } }).data.id;
  await until('the SOS alert', async () => (await server.app.alerts.list()).length >= 1);
  baseline = await settledFingerprint(server);
});

afterAll(async () => {
  tally.print();
  await server?.close();
});

interface Case {
  name: string;
  send: () => Promise<RawReply>;
  /** what the reason must name */
  mentions: RegExp;
  status?: number;
}

const oversized = 9 * 1024 * 1024;

const corpus: Case[] = [
  // Size
  { name: 'a position batch over the 8 MB limit', send: () => positions(batch('x'.repeat(oversized))), mentions: /larger than the server accepts/, status: 413 },
  {
    name: 'a gzip bomb (20 KB that inflates past the limit)',
    send: () => positions(gzipSync(Buffer.alloc(oversized, 0x20)), { 'content-encoding': 'gzip' }),
    mentions: /larger than the server accepts/,
    status: 413,
  },
  { name: 'an incident over its 256 KB limit', send: () => newIncident(JSON.stringify(incident({ description: 'x'.repeat(300_000) }))), mentions: /larger than the server accepts/, status: 413 },
  { name: '10,001 reports in one batch', send: () => positions(batch(...Array.from({ length: 10_001 }, (_, i) => fix({ time: Date.now() - 60_000 - i })))), mentions: /reports: .*10000/ },
  // Nesting
  { name: 'a batch nested 100,000 levels deep', send: () => positions(`{"reports":${nested(100_000)}}`), mentions: /nested deeper than 32 levels/ },
  { name: 'a speed nested 5,000 objects deep', send: () => positions(`{"reports":[{"unitId":"rel-mal-1","time":${Date.now() - 1000},"lat":9.5,"lon":31.6,"speed":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}]}`), mentions: /nested deeper than 32 levels/ },
  { name: 'victims nested 50 levels deep', send: () => newIncident(`{"category":"crime","severity":2,"title":"Deep","location":{"lat":9.5,"lon":31.6},"victims":${nested(50)}}`), mentions: /nested deeper than 32 levels \(at victims/ },
  // Numbers JSON cannot carry, and numbers that overflow
  { name: 'NaN as latitude', send: () => positions(`{"reports":[{"unitId":"rel-mal-1","time":${Date.now() - 1000},"lat":NaN,"lon":31.6}]}`), mentions: /not valid JSON/ },
  { name: 'Infinity as longitude', send: () => positions(`{"reports":[{"unitId":"rel-mal-1","time":${Date.now() - 1000},"lat":9.5,"lon":Infinity}]}`), mentions: /not valid JSON/ },
  { name: '1e400 (Infinity once parsed) as latitude', send: () => positions(`{"reports":[{"unitId":"rel-mal-1","time":${Date.now() - 1000},"lat":1e400,"lon":31.6}]}`), mentions: /reports\[0\]\.lat/ },
  { name: '-1e400 as speed', send: () => positions(`{"reports":[{"unitId":"rel-mal-1","time":${Date.now() - 1000},"lat":9.5,"lon":31.6,"speed":-1e400}]}`), mentions: /reports\[0\]\.speed/ },
  { name: '1e400 as an incident severity', send: () => newIncident(`{"category":"crime","severity":1e400,"title":"Huge","location":{"lat":9.5,"lon":31.6}}`), mentions: /severity/ },
  { name: 'a time of 1e300 ms', send: () => positions(batch(fix({ time: 1e300 }))), mentions: /reports\[0\]\.time/ },
  { name: 'a time with no zone', send: () => positions(batch(fix({ time: '2024-05-28T10:00:00' }))), mentions: /reports\[0\]\.time/ },
  { name: 'an incident that occurred before Date can show it', send: () => newIncident(JSON.stringify(incident({ occurredAt: -9_000_000_000_000_000 }))), mentions: /occurredAt/ },
  // Coordinates
  { name: 'latitude and longitude swapped (Malakal as [lon, lat])', send: () => positions(batch(fix({ lat: MALAKAL.lon, lon: MALAKAL.lat }))), mentions: /reports\[0\]\.lat: .*look swapped/ },
  { name: 'a tracker with no fix (0, 0)', send: () => positions(batch(fix({ lat: 0, lon: 0 }))), mentions: /outside the mission area/ },
  { name: 'latitude 90.000001', send: () => positions(batch(fix({ lat: 90.000001 }))), mentions: /reports\[0\]\.lat/ },
  { name: 'longitude -180.5', send: () => positions(batch(fix({ lon: -180.5 }))), mentions: /reports\[0\]\.lon/ },
  { name: 'coordinates as strings', send: () => positions(batch(fix({ lat: '9.5', lon: '31.6' }))), mentions: /reports\[0\]\.lat/ },
  { name: 'an incident located with lat and lon swapped', send: () => newIncident(JSON.stringify(incident({ location: { lat: MALAKAL.lon, lon: MALAKAL.lat } }))), mentions: /location\.lat: .*look swapped/ },
  { name: 'an incident moved to latitude 91', send: () => send('PATCH', `/api/incidents/${incidentId}`, JSON.stringify({ location: { lat: 91, lon: 31.6 } }), 'operator'), mentions: /location\.lat/ },
  // Text encoding
  {
    name: 'bytes that are not UTF-8 in a unit id',
    send: () => positions(Buffer.concat([Buffer.from('{"reports":[{"unitId":"rel-mal-'), Buffer.from([0xc3, 0x28]), Buffer.from(`","time":${Date.now() - 1000},"lat":9.5,"lon":31.6}]}`)])),
    mentions: /not valid UTF-8/,
  },
  {
    name: 'bytes that are not UTF-8 in an incident title',
    send: () => newIncident(Buffer.concat([Buffer.from('{"category":"crime","severity":2,"title":"Theft '), Buffer.from([0xff, 0xfe, 0xed]), Buffer.from('","location":{"lat":9.5,"lon":31.6}}')])),
    mentions: /not valid UTF-8/,
  },
  { name: 'an overlong UTF-8 encoding of "/"', send: () => newIncident(Buffer.concat([Buffer.from('{"category":"crime","severity":2,"title":"a'), Buffer.from([0xc0, 0xaf]), Buffer.from('b","location":{"lat":9.5,"lon":31.6}}')])), mentions: /not valid UTF-8/ },
  { name: 'a lone surrogate in an incident description', send: () => newIncident(JSON.stringify(incident()).replace('Reported by a trader', 'Reported \\ud800 by a trader')), mentions: /broken character .*\(at description\)/ },
  { name: 'a lone surrogate in a key', send: () => positions(`{"reports":[{"\\udc00":1}]}`), mentions: /broken character/ },
  { name: 'a body in UTF-16 labelled as such', send: () => positions(Buffer.from(batch(fix()), 'utf16le'), { 'content-type': 'application/json; charset=utf-16' }), mentions: /UTF-8 only, not utf-16/ },
  { name: 'a body in Latin-1', send: () => positions(batch(fix()), { 'content-type': 'application/json; charset=latin1' }), mentions: /unsupported charset/ },
  // Prototype pollution
  { name: '__proto__ beside a valid batch', send: () => positions(`{"__proto__":{"polluted":true},"reports":[${JSON.stringify(fix())}]}`), mentions: /key "__proto__" is not accepted/ },
  { name: 'constructor.prototype beside a valid batch', send: () => positions(`{"constructor":{"prototype":{"polluted":true}},"reports":[${JSON.stringify(fix())}]}`), mentions: /key "constructor" is not accepted/ },
  { name: 'a report whose fields hide behind __proto__', send: () => positions(`{"reports":[{"__proto__":${JSON.stringify(fix())}}]}`), mentions: /key "__proto__" is not accepted \(at reports\[0\]\)/ },
  { name: '__proto__ in an incident location', send: () => newIncident(`{"category":"crime","severity":2,"title":"Proto","location":{"__proto__":{"lat":9.5,"lon":31.6}}}`), mentions: /"__proto__" is not accepted \(at location\)/ },
  { name: 'a role escalation through __proto__ in a unit registration', send: () => send('POST', '/api/units', `{"units":[{"__proto__":{"isAdmin":true},"id":"rel-evil","callsign":"EVIL","type":"fpu-vehicle","fieldOffice":"malakal"}]}`, 'admin'), mentions: /"__proto__" is not accepted/ },
  // Shapes
  { name: 'an empty body', send: () => positions(''), mentions: /position batch is not valid; .*reports/ },
  { name: 'null', send: () => positions('null'), mentions: /not valid JSON/ },
  { name: 'an array instead of a batch', send: () => positions(`[${JSON.stringify(fix())}]`), mentions: /position batch is not valid/ },
  { name: 'reports as a string', send: () => positions('{"reports":"all of them"}'), mentions: /reports/ },
  { name: 'an empty batch', send: () => positions(batch()), mentions: /reports/ },
  { name: 'a valid report followed by a bad one (nothing stored)', send: () => positions(batch(fix({ time: Date.now() - 9000 }), fix({ heading: 361 }))), mentions: /reports\[1\]\.heading/ },
  { name: 'a unit id of 10,000 characters', send: () => positions(batch(fix({ unitId: 'u'.repeat(10_000) }))), mentions: /reports\[0\]\.unitId/ },
  { name: 'a battery of 101 %', send: () => positions(batch(fix({ battery: 101 }))), mentions: /reports\[0\]\.battery/ },
  { name: 'an activity nobody knows', send: () => positions(batch(fix({ activity: 'dancing' }))), mentions: /reports\[0\]\.activity/ },
  { name: 'JSON sent as text/plain', send: () => positions(batch(fix()), { 'content-type': 'text/plain' }), mentions: /position batch is not valid/ },
  { name: 'JSON truncated mid-way', send: () => positions(batch(fix()).slice(0, 30)), mentions: /not valid JSON/ },
  { name: 'an incident with 101 victims', send: () => newIncident(JSON.stringify(incident({ category: 'sgbv', victims: Array.from({ length: 101 }, () => ({ name: 'A' })) }))), mentions: /victims/ },
  { name: 'an incident with severity 5 and no title', send: () => newIncident(JSON.stringify(incident({ severity: 5, title: undefined }))), mentions: /severity.*title|title.*severity/ },
  { name: 'an incident change with no field', send: () => send('PATCH', `/api/incidents/${incidentId}`, '{}', 'operator'), mentions: /at least one field/ },
  { name: 'an incident change naming only unknown fields', send: () => send('PATCH', `/api/incidents/${incidentId}`, '{"reportedBy":"someone else","id":"x"}', 'operator'), mentions: /at least one field/ },
  { name: 'an incident closed straight from reported', send: () => send('PATCH', `/api/incidents/${incidentId}`, '{"status":"closed"}', 'operator'), mentions: /reported.*closed|closed.*reported/, status: 409 },
  { name: 'an incident id that is not one', send: () => send('PATCH', '/api/incidents/..%2F..%2Fetc%2Fpasswd', '{"title":"Moved"}', 'operator'), mentions: /incident id/ },
  { name: 'an incident nobody filed', send: () => send('PATCH', `/api/incidents/${randomUUID()}`, '{"title":"Moved"}', 'operator'), mentions: /no incident/, status: 404 },
  { name: 'an assignment of units not on the roster', send: () => send('POST', `/api/incidents/${incidentId}/assign`, '{"unitIds":["ghost-1","rel-mal-1"]}', 'operator'), mentions: /unitIds\[0\]: unknown unit "ghost-1"/ },
  { name: 'an assignment of 21 units', send: () => send('POST', `/api/incidents/${incidentId}/assign`, JSON.stringify({ unitIds: Array.from({ length: 21 }, () => 'rel-mal-1') }), 'operator'), mentions: /unitIds/ },
  { name: 'an acknowledgement of an alert id that is not one', send: () => send('POST', '/api/alerts/1%20OR%201=1/acknowledge', '', 'operator'), mentions: /alert id/ },
  { name: 'an acknowledgement of an alert nobody raised', send: () => send('POST', `/api/alerts/${randomUUID()}/acknowledge`, '', 'operator'), mentions: /no alert/, status: 404 },
  // Who may send
  { name: 'a device reporting for another unit', send: () => positions(batch(fix({ unitId: 'rel-mal-2' }))), mentions: /reports\[0\]\.unitId: this device reports for "rel-mal-1" only/, status: 403 },
  { name: 'a report for a unit not on the roster', send: () => send('POST', '/api/positions', batch(fix({ unitId: 'ghost-1' })), 'admin'), mentions: /unknown unit "ghost-1"/ },
  { name: 'a revoked or invented device token', send: () => httpRequest(`${server.url}/api/positions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' }, body: batch(fix()) }), mentions: /device token is unknown/, status: 401 },
  { name: 'an incident without a session', send: () => send('POST', '/api/incidents', JSON.stringify(incident()), 'nobody'), mentions: /sign in/, status: 401 },
  { name: 'an incident without the CSRF header', send: () => send('POST', '/api/incidents', JSON.stringify(incident()), 'operator', { 'x-csrf-token': 'forged' }), mentions: /x-csrf-token/, status: 403 },
];

describe('hand-written hostile inputs are refused, with the reason, and change nothing', () => {
  for (const c of corpus) {
    it(c.name, async () => {
      const reply = await c.send();
      expectRefusal(reply, c.mentions, c.status);
      await expectNothingChanged();
      tally.hand();
    });
  }

  it('a batch from the future is taken apart report by report: the reason is given and nothing is stored', async () => {
    const reply = await positions(batch(fix({ time: Date.now() + 86_400_000 })));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: true, data: { accepted: 0, rejected: [{ index: 0, reason: expect.stringMatching(/ahead of the server's clock/) }] } });
    await expectNothingChanged();
    tally.hand();
  });
});

/** Values that can never pass for the field, each kind of wrong: type, range, format. */
const outside = (min: number, max: number) => fc.oneof(fc.double({ max: min, noNaN: true, maxExcluded: true }), fc.double({ min: max, noNaN: true, minExcluded: true }));
const notANumber = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const badReportField: Record<string, fc.Arbitrary<unknown>> = {
  unitId: fc.oneof(fc.constant(''), fc.string({ minLength: 65, maxLength: 200 }), fc.stringMatching(/^[a-z]{1,5}[ /\\<>'"]{1,3}[a-z]{0,5}$/), fc.integer(), fc.constant(null)),
  time: fc.oneof(
    fc.integer({ min: -1_000_000_000_000, max: 946_684_799_999 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
    fc.string().filter((s) => !/^\d{4}-\d\d-\d\dT/.test(s)),
    fc.boolean(),
    fc.constant(null),
  ),
  lat: fc.oneof(outside(3.209, 12.548), notANumber),
  lon: fc.oneof(outside(23.587, 35.598), notANumber),
  speed: fc.oneof(outside(0, 400), notANumber),
  heading: fc.oneof(outside(0, 360), notANumber),
  accuracy: fc.oneof(outside(0, 100_000), notANumber),
  altitude: fc.oneof(outside(-500, 10_000), notANumber),
  battery: fc.oneof(outside(0, 100), notANumber),
  activity: fc.oneof(fc.string().filter((s) => !['on-patrol', 'at-base', 'responding', 'sos'].includes(s)), fc.integer()),
  staleAt: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)), fc.string(), fc.boolean()),
};

const badIncidentField: Record<string, fc.Arbitrary<unknown>> = {
  category: fc.oneof(fc.string({ maxLength: 20 }).filter((s) => !s.includes('-') && s !== 'crime' && s !== 'sgbv' && s !== 'other'), fc.integer()),
  severity: fc.oneof(fc.integer({ min: 5 }), fc.integer({ max: 0 }), fc.double({ min: 1.01, max: 3.99, noNaN: true }).filter((n) => !Number.isInteger(n)), fc.string()),
  title: fc.oneof(fc.string({ maxLength: 2 }).map((s) => s.trim()), fc.string({ minLength: 121, maxLength: 300 }).filter((s) => s.trim().length > 120), fc.integer(), fc.constant(null)),
  description: fc.oneof(fc.string({ minLength: 4001, maxLength: 4100 }), fc.integer(), fc.array(fc.string(), { maxLength: 2 })),
  location: fc.oneof(
    fc.record({ lat: outside(3.209, 12.548), lon: fc.constant(MALAKAL.lon) }),
    fc.record({ lat: fc.constant(MALAKAL.lat), lon: outside(23.587, 35.598) }),
    fc.tuple(fc.double(), fc.double()),
    fc.string(),
  ),
  occurredAt: fc.oneof(fc.integer({ min: -1_000_000_000_000, max: 946_684_799_999 }), fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n))),
  protected: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
  victims: fc.oneof(fc.string(), fc.array(fc.record({ name: fc.oneof(fc.constant(''), fc.integer()) }), { minLength: 1, maxLength: 3 })),
};

describe('generated hostile inputs (fast-check, fixed seed)', () => {
  it('a valid report with any one field made wrong is refused, naming that field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(badReportField)).chain((field) => fc.tuple(fc.constant(field), badReportField[field] ?? fc.constant(null))), async ([field, value]) => {
        const reply = await positions(batch(fix({ time: Date.now() - 5000, [field]: value })));
        // A longitude outside the mission area is reported against the pair, under lat.
        expectRefusal(reply, field === 'lon' && typeof value === 'number' ? /reports\[0\]\.(lon|lat)/ : new RegExp(`reports\\[0\\]\\.${field}`));
        await expectNothingChanged();
        tally.property();
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('any point in the mission area, sent with lat and lon swapped, is refused as swapped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 3.6, max: 12.2, noNaN: true }), fc.double({ min: 24, max: 35.2, noNaN: true }), async (lat, lon) => {
        expectRefusal(await positions(batch(fix({ lat: lon, lon: lat }))), /look swapped/);
        await expectNothingChanged();
        tally.property();
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('any JSON value as a position batch is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 5, stringUnit: 'binary' }), async (value) => {
        expectRefusal(await positions(JSON.stringify(value) ?? 'null'), /position batch|request body/);
        await expectNothingChanged();
        tally.property();
      }),
      { seed: SEED, numRuns: 80 },
    );
  });

  it('any bytes as a position batch are refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (bytes) => {
        const reply = await positions(bytes);
        expectRefusal(reply, /JSON|UTF-8|position batch|request body|read/);
        await expectNothingChanged();
        tally.property();
      }),
      { seed: SEED, numRuns: 80 },
    );
  });

  it('a valid incident with any one field made wrong is refused, naming that field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(badIncidentField)).chain((field) => fc.tuple(fc.constant(field), badIncidentField[field] ?? fc.constant(null))), async ([field, value]) => {
        const reply = await newIncident(JSON.stringify(incident({ [field]: value })));
        expectRefusal(reply, new RegExp(`(^|; )${field}`));
        await expectNothingChanged();
        tally.property();
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('any JSON value as an incident change is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const reply = await send('PATCH', `/api/incidents/${incidentId}`, JSON.stringify(value) ?? 'null', 'operator');
        expectRefusal(reply, /incident change|request body/);
        await expectNothingChanged();
        tally.property();
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('refusals are shaped the same everywhere: {ok:false, error:{code, message}}', async () => {
    const reply = await positions('{');
    expect(JSON.parse(reply.text)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'the request body is not valid JSON' } });
    expect(reasonOf(reply)).toBe('the request body is not valid JSON');
  });
});
