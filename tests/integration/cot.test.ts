import CoT from '@tak-ps/node-cot';
import { createSocket } from 'node:dgram';
import { connect as tcpConnect, type Socket } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/units.js';
import { CotListener, networkList } from '../../server/ingest/cot-listener.js';
import { connectDashboard, onUnitChanges, startServer, testUnit, type DashboardSocket, type TestServer } from '../support/server.js';

let server: TestServer;
let listener: CotListener;
let tcpPort = 0;
let udpPort = 0;
let dashboard: DashboardSocket;
const seen = new Map<string, Unit>();

/** A CoT event built by node-cot, the TAK ecosystem's own library: an independent peer. */
function cotXml(o: { uid: string; type?: string; lat: number; lon: number; time: number; staleInS?: number; callsign?: string; group?: string; speed?: number; course?: number; ce?: number; link?: string; extra?: Record<string, unknown> }): string {
  const detail: Record<string, unknown> = { ...(o.extra ?? {}) };
  if (o.callsign) detail.contact = { _attributes: { callsign: o.callsign, endpoint: '*:-1:stcp' } };
  if (o.group) detail.__group = { _attributes: { name: o.group, role: 'Team Member' } };
  if (o.speed !== undefined) detail.track = { _attributes: { speed: o.speed, course: o.course ?? 0 } };
  if (o.link) detail.link = { _attributes: { uid: o.link, type: 'a-f-G-U-C', relation: 'p-p' } };
  const event = new CoT({
    event: {
      _attributes: {
        version: '2.0',
        uid: o.uid,
        type: o.type ?? 'a-f-G-U-C',
        how: 'm-g',
        time: new Date(o.time).toISOString(),
        start: new Date(o.time).toISOString(),
        stale: new Date(o.time + (o.staleInS ?? 120) * 1000).toISOString(),
      },
      point: { _attributes: { lat: o.lat, lon: o.lon, hae: 412, ce: o.ce ?? 9999999, le: 9999999 } },
      detail,
    },
  });
  return event.to_xml();
}

const shownAt = (unitId: string, time: number) => expect.poll(() => seen.get(unitId)?.last?.time, { timeout: 5000 }).toBe(time);

function openStream(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = tcpConnect(tcpPort, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

function sendUdp(payload: Buffer | string): Promise<void> {
  const udp = createSocket('udp4');
  return new Promise((resolve, reject) => udp.send(payload, udpPort, '127.0.0.1', (err) => (udp.close(), err ? reject(err) : resolve())));
}

beforeAll(async () => {
  server = await startServer({ config: { tickMs: 100 } });
  await server.register([
    testUnit('ANDROID-mal-fpu-4', { callsign: 'roster name', fieldOffice: 'malakal' }),
    testUnit('ANDROID-wau-fpu-2', { fieldOffice: 'wau' }),
    testUnit('ANDROID-bor-ipo-5', { fieldOffice: 'bor', type: 'ipo-foot' }),
  ]);
  listener = new CotListener({ tracker: server.app.tracker, logger: pino({ level: 'silent' }), allow: networkList('127.0.0.0/8') });
  tcpPort = await listener.listenTcp(0, '127.0.0.1');
  udpPort = await listener.listenUdp(0, '127.0.0.1');
  dashboard = await connectDashboard(server.url, await server.signIn('viewer'));
  onUnitChanges(dashboard, (changed) => {
    for (const u of changed) seen.set(u.id, u);
  });
});

afterAll(async () => {
  dashboard.disconnect();
  await listener.close();
  await server.close();
});

describe('Cursor on Target over TCP', () => {
  it('takes an event split across packets, with callsign, group, speed and accuracy', async () => {
    const t = Date.now() - 10_000;
    const xml = cotXml({ uid: 'ANDROID-mal-fpu-4', lat: 9.5534, lon: 31.6557, time: t, callsign: 'MAL-FPU-4', group: 'Cyan', speed: 9.5, course: 275, ce: 6.5 });
    const stream = await openStream();
    const bytes = Buffer.from(xml);
    for (let i = 0; i < bytes.length; i += 37) {
      stream.write(bytes.subarray(i, i + 37));
      await new Promise((r) => setTimeout(r, 2));
    }
    await shownAt('ANDROID-mal-fpu-4', t);
    // The callsign and team are stored after the position, so they may reach screens a tick later.
    await expect.poll(() => seen.get('ANDROID-mal-fpu-4'), { timeout: 5000 }).toMatchObject({ callsign: 'MAL-FPU-4', group: 'Cyan' });
    const unit = seen.get('ANDROID-mal-fpu-4');
    expect(unit?.last).toMatchObject({ lat: 9.5534, lon: 31.6557, speed: 9.5, heading: 275, accuracy: 6.5 });
    expect(server.app.tracker.unit('ANDROID-mal-fpu-4')?.last?.altitude).toBe(412);
    stream.end();
  });

  it('takes several events joined in one packet, in order, tolerating unknown detail elements', async () => {
    const t = Date.now() - 8000;
    const joined =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
      cotXml({ uid: 'ANDROID-wau-fpu-2', lat: 7.70, lon: 28.0, time: t - 2000, extra: { takv: { _attributes: { platform: 'ATAK-CIV', version: '5.1' } }, uid: { _attributes: { Droid: 'WAU-2' } }, precisionlocation: { _attributes: { geopointsrc: 'GPS' } } } }) +
      '\n' +
      cotXml({ uid: 'ANDROID-wau-fpu-2', lat: 7.71, lon: 28.01, time: t, extra: { __video: { _attributes: { url: 'rtsp://camera' } } } });
    const stream = await openStream();
    stream.write(joined);
    await shownAt('ANDROID-wau-fpu-2', t);
    expect(seen.get('ANDROID-wau-fpu-2')?.last).toMatchObject({ lat: 7.71, lon: 28.01 });
    expect((await server.app.tracker.track('ANDROID-wau-fpu-2', t - 5000, t, 10)).map((f) => f.lat)).toEqual([7.7, 7.71]);
    stream.end();
  });

  it('respects stale: a report whose stale time has passed shows the unit stale', async () => {
    const t = Date.now() - 3000;
    const stream = await openStream();
    stream.write(cotXml({ uid: 'ANDROID-bor-ipo-5', lat: 6.21, lon: 31.56, time: t, staleInS: 1 }));
    await shownAt('ANDROID-bor-ipo-5', t);
    expect(seen.get('ANDROID-bor-ipo-5')?.last?.staleAt).toBe(t + 1000);
    server.app.hub.tick();
    await expect.poll(() => seen.get('ANDROID-bor-ipo-5')?.status, { timeout: 5000 }).toBe('stale');
    stream.end();
  });

  it('turns a 911 into an SOS for the linked unit, and its cancellation back', async () => {
    const t = Date.now() - 2000;
    const stream = await openStream();
    stream.write(cotXml({ uid: 'ANDROID-mal-fpu-4-9-1-1', type: 'b-a-o-tbl', lat: 9.554, lon: 31.656, time: t, link: 'ANDROID-mal-fpu-4', callsign: 'MAL-FPU-4-Alert', extra: { emergency: { _attributes: { type: '911 Alert' }, _text: 'MAL-FPU-4' } } }));
    await expect.poll(() => seen.get('ANDROID-mal-fpu-4')?.activity, { timeout: 5000 }).toBe('sos');
    // The alert's callsign does not rename the unit.
    expect(seen.get('ANDROID-mal-fpu-4')?.callsign).toBe('MAL-FPU-4');
    stream.write(cotXml({ uid: 'ANDROID-mal-fpu-4-9-1-1', type: 'b-a-o-can', lat: 9.554, lon: 31.656, time: t + 1000, link: 'ANDROID-mal-fpu-4' }));
    await expect.poll(() => seen.get('ANDROID-mal-fpu-4')?.activity, { timeout: 5000 }).toBe('on-patrol');
    // The alert is raised, then resolved by the stand-down, whichever store is slower.
    const sosAlerts = async () => (await server.app.alerts.list()).filter((a) => a.kind === 'sos' && a.unitId === 'ANDROID-mal-fpu-4');
    await expect.poll(async () => (await sosAlerts()).every((a) => a.resolvedAt !== null) && (await sosAlerts()).length, { timeout: 5000 }).toBe(1);
    const sos = await sosAlerts();
    expect(sos).toHaveLength(1);
    expect(sos[0]).toMatchObject({ severity: 4, title: 'SOS from MAL-FPU-4', resolvedAt: expect.any(Number) });
    stream.end();
  });
});

describe('Cursor on Target over UDP', () => {
  it('takes one event per datagram', async () => {
    const t = Date.now() - 1500;
    await sendUdp(cotXml({ uid: 'ANDROID-wau-fpu-2', lat: 7.72, lon: 28.02, time: t, callsign: 'WAU-FPU-2' }));
    await shownAt('ANDROID-wau-fpu-2', t);
    expect(seen.get('ANDROID-wau-fpu-2')).toMatchObject({ callsign: 'WAU-FPU-2', last: { lat: 7.72 } });
  });
});

describe('bad CoT is refused and changes nothing', () => {
  const unchanged = async (send: () => Promise<void>) => {
    const before = JSON.stringify(server.app.tracker.allUnits());
    const refusedBefore = listener.stats.refused;
    await send();
    await expect.poll(() => listener.stats.refused, { timeout: 3000 }).toBeGreaterThan(refusedBefore);
    expect(JSON.stringify(server.app.tracker.allUnits())).toBe(before);
  };
  const overTcp = (payload: string | Buffer) => async () => {
    const s = await openStream();
    s.write(payload);
    await new Promise((r) => setTimeout(r, 100));
    s.destroy();
  };

  it('TAK protobuf (leading 0xBF)', () => unchanged(() => sendUdp(Buffer.from([0xbf, 0x01, 0xbf, 0x12, 0x34]))));
  it('TAK protobuf on a stream', () => unchanged(overTcp(Buffer.from([0xbf, 0x01, 0xbf, 0x0a, 0x02]))));
  it('XML that is not well formed', () => unchanged(overTcp('<event version="2.0" uid="ANDROID-wau-fpu-2"><point lat="7" lon="28"></event>')));
  it('an event without a point', () => unchanged(() => sendUdp(`<event version="2.0" uid="ANDROID-wau-fpu-2" type="a-f-G" time="${new Date().toISOString()}" stale="${new Date().toISOString()}"><detail/></event>`)));
  it('a latitude out of range', () => unchanged(() => sendUdp(cotXml({ uid: 'ANDROID-wau-fpu-2', lat: 97.7, lon: 28, time: Date.now() - 100 }))));
  it('an entity expansion bomb', () =>
    unchanged(() =>
      sendUdp(
        `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><event version="2.0" uid="ANDROID-wau-fpu-2" type="a-f-G" time="${new Date().toISOString()}" stale="${new Date().toISOString()}"><point lat="7" lon="28"/><detail><remarks>&lol2;</remarks></detail></event>`,
      ),
    ));
  it('an external entity', () =>
    unchanged(() =>
      sendUdp(`<?xml version="1.0"?><!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]><event version="2.0" uid="x" type="a-f-G" time="${new Date().toISOString()}" stale="${new Date().toISOString()}"><point lat="7" lon="28"/><detail><remarks>&x;</remarks></detail></event>`),
    ));
  it('a uid not on the roster', () => unchanged(() => sendUdp(cotXml({ uid: 'ANDROID-stranger', lat: 7.7, lon: 28, time: Date.now() - 100 }))));
  it('an event that never ends', () => unchanged(overTcp(`<event version="2.0" uid="x">${'<remarks>x</remarks>'.repeat(70_000)}`)));
});
