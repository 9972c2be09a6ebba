/**
 * Hostile input on the Socket.IO live feed: handshakes without a session or from a foreign page,
 * events the feed does not take, wrong argument types, giant payloads, resync spam and raw
 * packets that are not Socket.IO at all. The server stays up, a refusal says why wherever the
 * sender can hear it, and nothing stored changes.
 */
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ErrorBody } from '../../shared/reply.js';
import { UnitsSnapshot } from '../../shared/feed.js';
import { RESYNCS_PER_SECOND } from '../../server/feed/client-events.js';
import { postAsDevice, startServer, testUnit, type Client, type TestServer } from '../support/server.js';
import { expectAlive, expectPrototypeIntact, fingerprint, httpRequest, MALAKAL, SEED, settledFingerprint, Tally, type Fingerprint } from './support.js';

let server: TestServer;
let viewer: Client;
let baseline: Fingerprint;
/** A second screen that must see none of the trouble. */
let bystander: Socket;
// The properties run hundreds of inputs: generous on a loaded machine, a few seconds on an idle one.
vi.setConfig({ testTimeout: 120_000 });

const tally = new Tally('Socket.IO live feed');

const Refusal = z.object({ ok: z.literal(false), error: ErrorBody });

/** An untyped connection, so the test can send what no typed client would; resolves once connected or refused. */
async function connect(headers: Record<string, string>, transports: ('websocket' | 'polling')[] = ['websocket']): Promise<{ socket: Socket; refused: Error | null }> {
  const socket = io(server.url, { transports, reconnection: false, forceNew: true, extraHeaders: headers, timeout: 5000 });
  const refused = await new Promise<Error | null>((resolve) => {
    socket.once('units:snapshot', () => resolve(null));
    socket.once('connect_error', (err) => resolve(err));
  });
  return { socket, refused };
}

const asViewer = () => connect({ cookie: viewer.cookie });

async function expectNothingChanged(): Promise<void> {
  await expectAlive(server.url);
  expect(await fingerprint(server)).toEqual(baseline);
  expectPrototypeIntact();
  expect(bystander.connected, 'the other screen is still connected').toBe(true);
}

/** The feed still answers this screen: a resync returns a snapshot (after the rate window has passed). */
async function expectStillServed(socket: Socket): Promise<void> {
  await new Promise((r) => setTimeout(r, 1100));
  const snapshot: unknown = await socket.timeout(5000).emitWithAck('units:resync');
  expect(UnitsSnapshot.safeParse(snapshot).success, `a snapshot, not ${JSON.stringify(snapshot).slice(0, 200)}`).toBe(true);
}

beforeAll(async () => {
  server = await startServer();
  await server.register([testUnit('rel-mal-1')]);
  expect((await postAsDevice(`${server.url}/api/positions`, await server.deviceToken('rel-mal-1'), { reports: [{ unitId: 'rel-mal-1', time: Date.now() - 5000, ...MALAKAL }] })).status).toBe(200);
  viewer = await server.signIn('viewer');
  const b = await asViewer();
  if (b.refused) throw b.refused;
  bystander = b.socket;
  baseline = await settledFingerprint(server);
});

afterAll(async () => {
  tally.print();
  bystander?.disconnect();
  await server?.close();
});

describe('handshakes', () => {
  const cases: { name: string; headers: Record<string, string>; reason: RegExp }[] = [
    { name: 'no cookie', headers: {}, reason: /unauthenticated/ },
    { name: 'an invented session cookie', headers: { cookie: 'ops_session=not-a-session' }, reason: /unauthenticated/ },
    { name: 'a cookie with broken percent-encoding', headers: { cookie: 'ops_session=%E0%A4%A' }, reason: /unauthenticated/ },
    { name: 'a session cookie sent from a foreign page', headers: { get cookie() { return viewer.cookie; }, origin: 'https://evil.example' }, reason: /websocket error|xhr poll error|Forbidden|live feed opens only/ },
    { name: 'Origin: null (a sandboxed frame; this used to crash the server)', headers: { get cookie() { return viewer.cookie; }, origin: 'null' }, reason: /websocket error|live feed opens only/ },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      const { socket, refused } = await connect(c.headers);
      socket.disconnect();
      expect(refused?.message).toMatch(c.reason);
      await expectNothingChanged();
      tally.hand();
    });
  }

  const origins = ['null', 'https://evil.example', 'http://[::1', 'file://', '\u0000', 'http://127.0.0.1.evil.example', `http://${'a'.repeat(5000)}`];
  for (const origin of origins) {
    it(`refuses a polling handshake from Origin ${JSON.stringify(origin.slice(0, 40))}, saying why`, async () => {
      const reply = await httpRequest(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: encodeURI(origin), cookie: viewer.cookie } });
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.text)).toMatchObject({ message: expect.stringMatching(/the live feed opens only from pages of this server, not from origin/) });
      await expectNothingChanged();
      tally.hand();
    });
  }

  it('takes a polling handshake from its own page', async () => {
    expect((await httpRequest(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: server.url, cookie: viewer.cookie } })).status).toBe(200);
  });
});

describe('events on an open connection', () => {
  let screen: Socket;

  beforeAll(async () => {
    const c = await asViewer();
    if (c.refused) throw c.refused;
    screen = c.socket;
  });

  afterAll(() => {
    screen?.disconnect();
  });

  const refusalOf = async (reply: Promise<unknown>) => Refusal.parse(await reply).error;

  it('an event the feed does not take, with a reply callback, is told so', async () => {
    const error = await refusalOf(screen.timeout(5000).emitWithAck('units:delete', { unitId: 'rel-mal-1' }));
    expect(error).toEqual({ code: 'invalid_input', message: 'the live feed takes no "units:delete" event; it takes units:resync only' });
    await expectNothingChanged();
    tally.hand();
  });

  it('a screen cannot pose as the server (incident:created, alert:raised)', async () => {
    for (const event of ['incident:created', 'alert:raised', 'units:delta']) {
      const error = await refusalOf(screen.timeout(5000).emitWithAck(event, { id: 'forged', title: 'Forged', severity: 4 }));
      expect(error.message).toContain(`"${event}"`);
      tally.hand();
    }
    await expectNothingChanged();
  });

  it('prototype keys as event names and in arguments are refused', async () => {
    for (const event of ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString']) {
      const error = await refusalOf(screen.timeout(5000).emitWithAck(event, JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')));
      expect(error.message).toContain(`"${event}"`);
      tally.hand();
    }
    await expectNothingChanged();
  });

  it('units:resync with arguments is refused, with the reason', async () => {
    for (const args of [['x'], [42, 'y'], [{ since: 0 }], [JSON.parse('{"__proto__":{"polluted":true}}')], [null]]) {
      const error = await refusalOf(screen.timeout(5000).emitWithAck('units:resync', ...args));
      expect(error).toEqual({ code: 'invalid_input', message: 'units:resync takes no arguments, only the reply callback' });
      tally.hand();
    }
    await expectNothingChanged();
    await expectStillServed(screen);
  });

  it('events with no reply callback, of every shape, are ignored without harm', async () => {
    for (const [event, ...args] of [['units:resync', 'no callback'], ['units:resync'], ['x', 1, 2, 3], ['', null], ['units:resync', { a: [1, [2, [3]]] }]] as const) {
      screen.emit(event, ...args);
      tally.hand();
    }
    await expectNothingChanged();
    expect(screen.connected).toBe(true);
    await expectStillServed(screen);
  });

  it(`resync spam: ${RESYNCS_PER_SECOND} a second are answered, the rest refused as rate limited`, async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const replies = await Promise.all(Array.from({ length: 200 }, () => screen.timeout(10_000).emitWithAck('units:resync') as Promise<unknown>));
    const snapshots = replies.filter((r) => UnitsSnapshot.safeParse(r).success);
    const refused = replies.flatMap((r) => {
      const parsed = Refusal.safeParse(r);
      return parsed.success ? [parsed.data.error] : [];
    });
    expect(snapshots.length + refused.length).toBe(200);
    expect(snapshots.length).toBeGreaterThanOrEqual(RESYNCS_PER_SECOND);
    expect(snapshots.length).toBeLessThanOrEqual(RESYNCS_PER_SECOND * 3);
    expect(refused[0]).toEqual({ code: 'rate_limited', message: `at most ${RESYNCS_PER_SECOND} resyncs a second; ask again in a moment` });
    for (let i = 0; i < refused.length; i++) tally.hand();
    await expectNothingChanged();
    await expectStillServed(screen);
  });

  it('a payload over the feed’s 100 kB limit ends that connection only', async () => {
    const { socket: greedy, refused } = await asViewer();
    expect(refused).toBeNull();
    const gone = new Promise<string>((resolve) => greedy.once('disconnect', (reason) => resolve(reason)));
    greedy.emit('units:resync', 'x'.repeat(200_000), () => undefined);
    expect(await gone).toMatch(/transport (close|error)/);
    await expectNothingChanged();
    await expectStillServed(screen);
    tally.hand();
  });

  it('any event name with any arguments and a reply callback is refused, naming the event', async () => {
    const reserved = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener', 'units:resync']);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }).filter((s) => !reserved.has(s)), fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 }), async (event, args) => {
        const error = await refusalOf(screen.timeout(5000).emitWithAck(event, ...args));
        expect(error.code).toBe('invalid_input');
        expect(error.message).toContain(`"${event.slice(0, 60)}"`);
        expect(screen.connected).toBe(true);
        await expectNothingChanged();
        tally.property();
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('units:resync with any arguments is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 4 }), async (args) => {
        const error = await refusalOf(screen.timeout(5000).emitWithAck('units:resync', ...args));
        expect(error.message).toBe('units:resync takes no arguments, only the reply callback');
        await expectNothingChanged();
        tally.property();
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

describe('raw Engine.IO packets that are not Socket.IO', () => {
  /** Opens a polling session with the viewer's cookie and joins the main namespace; returns its URL. */
  async function pollingSession(): Promise<string> {
    const open = (await httpRequest(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie: viewer.cookie } })).text;
    const sid = z.object({ sid: z.string() }).parse(JSON.parse(open.slice(1))).sid;
    const url = `${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`;
    expect((await httpRequest(url, { method: 'POST', headers: { cookie: viewer.cookie }, body: '40' })).text).toBe('ok');
    return url;
  }

  const packets: { name: string; body: string }[] = [
    { name: 'an event whose JSON is cut off', body: '42["units:resync"' },
    { name: 'an unknown packet type', body: '49["x"]' },
    { name: 'an unknown Engine.IO packet type', body: 'z' },
    { name: 'a binary placeholder with no attachment', body: '451-["units:resync",{"_placeholder":true,"num":0}]' },
    { name: 'a binary event claiming 10^9 attachments', body: '451000000000-["x",{"_placeholder":true,"num":999999}]' },
    { name: 'an event whose name is an object', body: '42[{"__proto__":{"polluted":true}},1]' },
    { name: 'an ack id beyond 2^53', body: '4299999999999999999999["units:resync"]' },
    { name: 'a join of a namespace that does not exist', body: '40/admin,' },
    { name: 'a join of the main namespace with a forged principal', body: '40{"principal":{"role":"admin"}}' },
    { name: 'a packet of 100 kB of nothing', body: '4'.repeat(100_000) },
  ];
  for (const p of packets) {
    it(`${p.name}: the server stays up and nothing changes`, async () => {
      const url = await pollingSession();
      const res = await httpRequest(url, { method: 'POST', headers: { cookie: viewer.cookie }, body: p.body });
      // Engine.IO answers "ok" or refuses the request; either way the session is the only casualty.
      expect([200, 400, 413]).toContain(res.status);
      await expectNothingChanged();
      tally.hand();
    });
  }

  it('a namespace that does not exist is refused, naming the reason', async () => {
    const url = await pollingSession();
    await httpRequest(url, { method: 'POST', headers: { cookie: viewer.cookie }, body: '40/admin,' });
    let received = '';
    for (let i = 0; i < 5 && !received.includes('/admin'); i++) received += (await httpRequest(url, { headers: { cookie: viewer.cookie } })).text;
    expect(received).toMatch(/44\/admin,\{"message":"Invalid namespace"\}/);
  });
});
