/**
 * Hostile input on the OsmAnd / Traccar Client port: query strings, forms and the JSON variant.
 * Traccar Client ignores the reply body; a person testing with curl reads it, so each refusal
 * must say what was wrong. The server stays up and nothing stored changes.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postAsDevice, startServer, testUnit, type TestServer } from '../support/server.js';
import { expectAlive, expectPrototypeIntact, expectRefusal, fingerprint, httpRequest, MALAKAL, SEED, settledFingerprint, Tally, type Fingerprint, type RawReply } from './support.js';

let server: TestServer;
let osmandUrl = '';
let token = '';
let baseline: Fingerprint;
// The properties run hundreds of inputs: generous on a loaded machine, a few seconds on an idle one.
vi.setConfig({ testTimeout: 120_000 });

const tally = new Tally('OsmAnd / Traccar Client');

const seconds = () => Math.floor(Date.now() / 1000) - 30;

/** A fix as Traccar Client sends it, in the query of a POST to the device's URL. */
const query = (params: Record<string, string>) => `${osmandUrl}/${token}?${new URLSearchParams(params).toString()}`;
const valid = (over: Record<string, string> = {}): Record<string, string> => ({ id: 'rel-mal-1', timestamp: String(seconds()), lat: String(MALAKAL.lat), lon: String(MALAKAL.lon), ...over });

const post = (url: string, init: { headers?: Record<string, string>; body?: string | Uint8Array } = {}): Promise<RawReply> => httpRequest(url, { method: 'POST', ...init });

const form = (body: string | Uint8Array) => post(`${osmandUrl}/${token}`, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
const json = (body: string | Uint8Array) => post(`${osmandUrl}/${token}`, { headers: { 'content-type': 'application/json' }, body });
const location = (over: Record<string, unknown> = {}, coords: Record<string, unknown> = {}) =>
  JSON.stringify({ device_id: 'rel-mal-1', location: { timestamp: new Date(Date.now() - 30_000).toISOString(), coords: { latitude: MALAKAL.lat, longitude: MALAKAL.lon, ...coords }, ...over } });

async function expectNothingChanged(): Promise<void> {
  await expectAlive(server.url);
  expect(await fingerprint(server)).toEqual(baseline);
  expectPrototypeIntact();
}

beforeAll(async () => {
  server = await startServer({ config: { ingestPerMinute: 1_000_000 } });
  osmandUrl = await server.app.listenOsmAnd(0);
  await server.register([testUnit('rel-mal-1'), testUnit('rel-mal-2')]);
  token = await server.deviceToken('rel-mal-1');
  expect((await post(query(valid()))).status).toBe(200);
  expect((await postAsDevice(`${server.url}/api/positions`, await server.deviceToken('rel-mal-2'), { reports: [{ unitId: 'rel-mal-2', time: Date.now() - 10_000, lat: 9.6, lon: 31.7 }] })).status).toBe(200);
  baseline = await settledFingerprint(server);
});

afterAll(async () => {
  tally.print();
  await server?.close();
});

interface Case {
  name: string;
  send: () => Promise<RawReply>;
  mentions: RegExp;
  status?: number;
}

const corpus: Case[] = [
  { name: 'no device token', send: () => post(`${osmandUrl}/?${new URLSearchParams(valid())}`), mentions: /device token is required/, status: 401 },
  { name: 'an invented device token', send: () => post(`${osmandUrl}/not-a-token?${new URLSearchParams(valid())}`), mentions: /unknown or has been revoked/, status: 401 },
  { name: 'no position at all', send: () => post(query({ id: 'rel-mal-1' })), mentions: /lat and lon \(or location=lat,lon\) are required/ },
  { name: 'lat=NaN', send: () => post(query(valid({ lat: 'NaN' }))), mentions: /lat is not a number: "NaN"/ },
  { name: 'lon=Infinity', send: () => post(query(valid({ lon: 'Infinity' }))), mentions: /lon is not a number/ },
  { name: 'lat=1e400 (Infinity once read)', send: () => post(query(valid({ lat: '1e400' }))), mentions: /lat is not a number/ },
  { name: 'lat empty', send: () => post(query(valid({ lat: '' }))), mentions: /lat is empty/ },
  { name: 'latitude 91', send: () => post(query(valid({ lat: '91' }))), mentions: /reports\[0\]\.lat/ },
  { name: 'longitude -181', send: () => post(query(valid({ lon: '-181' }))), mentions: /reports\[0\]\.lon/ },
  { name: 'lat and lon swapped', send: () => post(query(valid({ lat: String(MALAKAL.lon), lon: String(MALAKAL.lat) }))), mentions: /look swapped/ },
  { name: 'location=lon,lat swapped', send: () => post(query({ id: 'rel-mal-1', location: `${MALAKAL.lon},${MALAKAL.lat}` })), mentions: /look swapped/ },
  { name: 'no GPS fix yet (0,0)', send: () => post(query(valid({ lat: '0', lon: '0' }))), mentions: /outside the mission area/ },
  { name: 'location with three numbers', send: () => post(query({ id: 'rel-mal-1', location: '9.5,31.6,400' })), mentions: /location must be "lat,lon"/ },
  { name: 'location that is not numbers', send: () => post(query({ id: 'rel-mal-1', location: 'here,there' })), mentions: /location must be "lat,lon"/ },
  { name: 'a timestamp that is neither Unix nor ISO', send: () => post(query(valid({ timestamp: 'yesterday' }))), mentions: /timestamp is neither Unix time nor ISO 8601/ },
  { name: 'a timestamp of 10^22 ms', send: () => post(query(valid({ timestamp: '9'.repeat(22) }))), mentions: /reports\[0\]\.time/ },
  { name: 'a timestamp a day ahead', send: () => post(query(valid({ timestamp: String(seconds() + 86_400) }))), mentions: /ahead of the server's clock/ },
  { name: 'a speed of -5 knots', send: () => post(query(valid({ speed: '-5' }))), mentions: /reports\[0\]\.speed/ },
  { name: 'a battery of 250 %', send: () => post(query(valid({ batt: '250' }))), mentions: /reports\[0\]\.battery/ },
  { name: 'a hex number', send: () => post(query(valid({ accuracy: '0x10' }))), mentions: /accuracy is not a number: "0x10"/ },
  { name: 'the id of another unit', send: () => post(query(valid({ id: 'rel-mal-2' }))), mentions: /this device reports for "rel-mal-1" only/, status: 403 },
  { name: 'an id of 200 characters', send: () => post(query(valid({ id: 'x'.repeat(200) }))), mentions: /id: Too big/ },
  { name: 'an id that is not UTF-8 (%C3%28)', send: () => post(`${osmandUrl}/${token}?id=rel-mal-%C3%28&lat=9.5&lon=31.6`), mentions: /id: letters, digits/ },
  { name: 'a lat that is not UTF-8 (%FF%FE)', send: () => post(`${osmandUrl}/${token}?id=rel-mal-1&lat=%FF%FE&lon=31.6`), mentions: /lat is not a number/ },
  { name: '__proto__[polluted] beside a valid fix', send: () => post(`${query(valid())}&__proto__[polluted]=1`), mentions: /__proto__\[polluted\]: this parameter is not accepted/ },
  { name: '__proto__ beside a valid fix', send: () => post(`${query(valid())}&__proto__=1`), mentions: /__proto__: this parameter is not accepted/ },
  { name: 'constructor[prototype][polluted] in a form', send: () => form(`${new URLSearchParams(valid()).toString()}&constructor[prototype][polluted]=1`), mentions: /constructor\[prototype\]\[polluted\]: this parameter is not accepted/ },
  { name: 'a form over 64 KB', send: () => form(`id=rel-mal-1&lat=9.5&lon=31.6&remarks=${'x'.repeat(70_000)}`), mentions: /larger than the server accepts/, status: 413 },
  { name: 'a form with 101 parameters', send: () => form(Array.from({ length: 101 }, (_, i) => `k${i}=${i}`).join('&')), mentions: /too many parameters/ },
  { name: 'a query of 20 KB', send: () => post(`${query(valid())}&remarks=${'x'.repeat(20_000)}`), mentions: /Header Fields Too Large|too large/i, status: 431 },
  // The JSON variant
  { name: 'JSON: latitude 1e400', send: () => json(location().replace(`"latitude":${MALAKAL.lat}`, '"latitude":1e400')), mentions: /location\[0\]\.coords\.latitude/ },
  { name: 'JSON: NaN', send: () => json(location().replace(`"latitude":${MALAKAL.lat}`, '"latitude":NaN')), mentions: /not valid JSON/ },
  { name: 'JSON: swapped coordinates', send: () => json(location({}, { latitude: MALAKAL.lon, longitude: MALAKAL.lat })), mentions: /look swapped/ },
  { name: 'JSON: latitude as a string', send: () => json(location({}, { latitude: '9.5' })), mentions: /location\[0\]\.coords\.latitude/ },
  { name: 'JSON: nested 10,000 levels in extras', send: () => json(location().replace(/}$/, `,"extras":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`)), mentions: /nested deeper than 32 levels/ },
  { name: 'JSON: __proto__ in extras', send: () => json(location().replace(/}$/, ',"extras":{"__proto__":{"polluted":true}}}')), mentions: /"__proto__" is not accepted/ },
  { name: 'JSON: bytes that are not UTF-8', send: () => json(Buffer.concat([Buffer.from(location().slice(0, -2)), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('}}')])), mentions: /not valid UTF-8/ },
  { name: 'JSON: 10,001 locations', send: () => json(JSON.stringify({ device_id: 'rel-mal-1', location: Array.from({ length: 10_001 }, () => JSON.parse(location()).location) })), mentions: /location: Too big/ },
  { name: 'JSON: over 4 MB', send: () => json(location({ event: 'x'.repeat(5 * 1024 * 1024) })), mentions: /larger than the server accepts/, status: 413 },
  { name: 'JSON: a timestamp that is no time', send: () => json(location({ timestamp: 'soon' })), mentions: /location\[0\]\.timestamp/ },
];

describe('hand-written hostile OsmAnd requests are refused, with the reason, and change nothing', () => {
  for (const c of corpus) {
    it(c.name, async () => {
      expectRefusal(await c.send(), c.mentions, c.status);
      await expectNothingChanged();
      tally.hand();
    });
  }
});

/** Values no field of its kind can take. */
const notANumber = fc.oneof(
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', '0x1F', '1,5', '--1', '1..2', 'abc', '١٢٣'),
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '' && !Number.isFinite(Number(s.trim()))),
);
// -0 is written "0", which is in range: it is left out.
const outOf = (min: number, max: number) =>
  fc
    .oneof(fc.double({ max: min, maxExcluded: true, noNaN: true, noDefaultInfinity: true }), fc.double({ min: max, minExcluded: true, noNaN: true, noDefaultInfinity: true }))
    .filter((n) => !Object.is(n, -0))
    .map(String);
const badParam: Record<string, fc.Arbitrary<string>> = {
  lat: fc.oneof(notANumber, outOf(3.209, 12.548)),
  lon: fc.oneof(notANumber, outOf(23.587, 35.598)),
  // Knots become metres a second: a speed so small it rounds to -0 on the way is left out.
  speed: fc.oneof(notANumber, fc.double({ max: -1e-6, noNaN: true, noDefaultInfinity: true }).map(String)),
  bearing: fc.oneof(notANumber, outOf(0, 360)),
  altitude: fc.oneof(notANumber, outOf(-500, 10_000)),
  accuracy: fc.oneof(notANumber, fc.double({ min: 100_000, minExcluded: true, noNaN: true, noDefaultInfinity: true }).map(String)),
  batt: fc.oneof(notANumber, outOf(0, 100)),
  timestamp: fc.oneof(
    fc.constantFrom('yesterday', 'now', '12:00', '2024-13-45T99:99:99Z', '-1', '1e3'),
    fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/^\s*\d/.test(s) && Number.isNaN(Date.parse(s))),
  ),
  id: fc.oneof(fc.string({ minLength: 65, maxLength: 100 }), fc.stringMatching(/^[a-z]{1,4}[ /<>"'#%&]{1,2}[a-z]{0,4}$/)),
};

describe('generated hostile OsmAnd requests (fast-check, fixed seed)', () => {
  it('a valid fix with any one parameter made wrong is refused, naming it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(badParam)).chain((key) => fc.tuple(fc.constant(key), badParam[key] ?? fc.constant(''))), fc.boolean(), async ([key, value], asForm) => {
        const params = new URLSearchParams(valid({ [key]: value })).toString();
        const reply = asForm ? await form(params) : await post(`${osmandUrl}/${token}?${params}`);
        // The report names speed, heading and battery in its own words; the request in the tracker's.
        const names: Record<string, string> = { bearing: 'bearing|heading', batt: 'batt|battery', timestamp: 'timestamp|time', lon: 'lon|lat' };
        expectRefusal(reply, new RegExp(names[key] ?? key));
        await expectNothingChanged();
        tally.property();
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('any set of parameters without a usable position is refused', async () => {
    const key = fc.oneof(fc.constantFrom('id', 'deviceid', 'lat', 'lon', 'location', 'timestamp', 'speed', 'bearing', 'alarm', 'hdop', 'batt'), fc.string({ maxLength: 8 }));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, fc.string({ maxLength: 30, unit: 'binary' }), { maxKeys: 8 }), async (params) => {
        // Whatever else it holds, a request with no lat that parses as a latitude in the mission area cannot be a fix.
        delete params.location;
        params.lat = 'no fix';
        const reply = await post(`${osmandUrl}/${token}?${new URLSearchParams(params).toString()}`);
        expectRefusal(reply, /not valid|not accepted|required|not a number/);
        await expectNothingChanged();
        tally.property();
      }),
      { seed: SEED, numRuns: 80 },
    );
  });

  it('any JSON value posted as the JSON variant is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), async (value, withDeviceId) => {
        const body = withDeviceId && typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value, device_id: 'rel-mal-1' } : value;
        const reply = await json(JSON.stringify(body) ?? 'null');
        expectRefusal(reply, /not valid|required|not accepted|JSON/);
        await expectNothingChanged();
        tally.property();
      }),
      { seed: SEED, numRuns: 80 },
    );
  });
});
