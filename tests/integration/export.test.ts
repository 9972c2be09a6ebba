import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IncidentCategory, type IncidentReportInput } from '../../shared/incidents.js';
import { CATEGORY_LABEL as LEGEND_LABEL } from '../../client/incidents/categories.js';
import { CATEGORY_LABEL } from '../../server/export/labels.js';
import { coarsen } from '../../server/incidents/redaction.js';
import { csvRecords, FeatureCollection, kmlData, kmlPlacemarks, parseCsv } from '../support/export-formats.js';
import { startServer, testUnit, type Client, type TestServer } from '../support/server.js';

let server: TestServer;
let investigator: Client;
let viewer: Client;
let operator: Client;
let admin: Client;

const HOUR = 3_600_000;
const VICTIM = 'Nyakuoth Gatluak';
const WITNESS = 'Deng Makuei';
const SGBV_AT = { lat: 9.55314, lon: 31.65871 };
const NASTY_TITLE = '=HYPERLINK("http://example.invalid/x","Open")';
const NASTY_DESCRIPTION = '+cmd|\' /C calc\'!A0 and "quotes", commas,\r\nnew lines & <b>markup</b> \u0007bell';

const ids: Record<string, string> = {};
const now = Date.now();

async function report(client: Client, input: IncidentReportInput): Promise<string> {
  const res = await client.send('POST', '/api/incidents', input);
  expect(res.status).toBe(201);
  return z.object({ data: z.object({ id: z.string() }) }).parse(res.body).data.id;
}

/** A file as the browser downloads it: status, headers and text. */
async function download(client: Client, path: string): Promise<{ status: number; type: string; disposition: string; rows: string; text: string }> {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: client.cookie } });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    rows: res.headers.get('x-export-rows') ?? '',
    // Response.text() would drop the byte-order mark that Excel needs: read the bytes as they came.
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()),
  };
}

const ErrorReply = z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() }) });

async function refused(client: Client, path: string): Promise<{ status: number; code: string; message: string; paths: string[] }> {
  const got = await download(client, path);
  const body = ErrorReply.parse(JSON.parse(got.text));
  return { status: got.status, code: body.error.code, message: body.error.message, paths: (body.error.issues ?? []).map((i) => i.path) };
}

/** Anything that would identify a victim or witness, or the exact place of the SGBV case. */
const PEOPLE = [VICTIM, WITNESS, 'victims', 'witnesses', 'Saw two men'];

beforeAll(async () => {
  server = await startServer();
  investigator = await server.signIn('commander', { sensitive: true });
  viewer = await server.signIn('viewer');
  operator = await server.signIn('operator');
  admin = await server.signIn('admin');

  ids.sgbv = await report(investigator, {
    category: 'sgbv',
    severity: 4,
    title: 'Assault reported near the Malakal POC site',
    location: SGBV_AT,
    occurredAt: now - 5 * HOUR,
    victims: [{ name: VICTIM, sex: 'female', age: 24 }],
    witnesses: [{ name: WITNESS, sex: 'male', statement: 'Saw two men leave toward the river.' }],
  });
  ids.nasty = await report(operator, {
    category: 'crime',
    severity: 2,
    title: NASTY_TITLE,
    description: NASTY_DESCRIPTION,
    location: { lat: 4.85, lon: 31.6 },
    occurredAt: now - 3 * HOUR,
  });
  ids.clash = await report(operator, {
    category: 'intercommunal-clash',
    severity: 3,
    title: '@SUM(1) clash at the Wau cattle camp',
    location: { lat: 7.7, lon: 28.0 },
    occurredAt: now - 2 * HOUR,
  });
  expect((await operator.send('PATCH', `/api/incidents/${ids.clash}`, { status: 'verified' })).status).toBe(200);
  ids.old = await report(operator, {
    category: 'cattle-raiding',
    severity: 1,
    title: 'Cattle taken near Tonj',
    location: { lat: 7.28, lon: 28.68 },
    occurredAt: now - 72 * HOUR,
  });

  await server.register([testUnit('exp-fpu-1', { callsign: 'MAL-FPU-1' }), testUnit('exp:ipo-2', { callsign: 'JUB-IPO-2', type: 'ipo-foot', fieldOffice: 'juba' })]);
  // MAL-FPU-1 drives north for an hour, a fix a minute; JUB-IPO-2 reported once 30 h ago and twice 2 h ago.
  const reports = [
    ...Array.from({ length: 61 }, (_, i) => ({ unitId: 'exp-fpu-1', time: now - 4 * HOUR + i * 60_000, lat: 9.5 + i * 0.002, lon: 31.65, speed: 5, heading: 0, accuracy: 8 })),
    { unitId: 'exp:ipo-2', time: now - 30 * HOUR, lat: 4.84, lon: 31.58 },
    { unitId: 'exp:ipo-2', time: now - 2 * HOUR, lat: 4.85, lon: 31.59 },
    { unitId: 'exp:ipo-2', time: now - 2 * HOUR + 30_000, lat: 4.851, lon: 31.591 },
  ];
  const posted = await admin.send('POST', '/api/positions', { reports });
  expect(posted.status).toBe(200);
});

afterAll(() => server.close());

describe('incidents', () => {
  it('GeoJSON is an RFC 7946 FeatureCollection of [lon, lat] points, the last 24 h by default, oldest first', async () => {
    const file = await download(viewer, '/api/export/incidents.geojson');
    expect(file.status).toBe(200);
    expect(file.type).toMatch(/^application\/geo\+json/);
    expect(file.disposition).toMatch(/^attachment; filename="?unmiss-incidents-\d{6}Z[A-Z]{3}\d{2}\.geojson"?$/);
    const collection = FeatureCollection.parse(JSON.parse(file.text));
    expect(collection.features.map((f) => f.id)).toEqual([ids.sgbv, ids.nasty, ids.clash]);
    expect(file.rows).toBe('3');
    const clash = collection.features[2];
    expect(clash?.geometry).toEqual({ type: 'Point', coordinates: [28.0, 7.7] });
    expect(clash?.properties).toMatchObject({ category: 'intercommunal-clash', categoryLabel: 'Intercommunal clash', severity: 3, status: 'verified', locationCoarsened: false });
    expect(clash?.properties?.mgrs).toMatch(/^35N \w\w \d{5} \d{5}$/);
  });

  it('gives a viewer the SGBV case coarsened and flagged, and nobody the people, in any format', async () => {
    const geo = FeatureCollection.parse(JSON.parse((await download(viewer, '/api/export/incidents.geojson')).text));
    const sgbv = geo.features.find((f) => f.id === ids.sgbv);
    expect(sgbv?.geometry).toEqual({ type: 'Point', coordinates: [coarsen(SGBV_AT.lon), coarsen(SGBV_AT.lat)] });
    expect(sgbv?.properties).toMatchObject({ locationCoarsened: true, sensitive: true, nearestPocSiteKm: null });
    expect(sgbv?.properties?.mgrs).toMatch(/^\d\d[C-X] \w\w \d\d \d\d$/);

    const csv = csvRecords((await download(viewer, '/api/export/incidents.csv')).text).find((r) => r.id === ids.sgbv);
    expect(csv).toMatchObject({ lat: String(coarsen(SGBV_AT.lat)), lon: String(coarsen(SGBV_AT.lon)), location_coarsened: 'true', sensitive: 'true' });

    const kml = kmlPlacemarks((await download(viewer, '/api/export/incidents.kml')).text).find((p) => kmlData(p).id === ids.sgbv);
    expect(kml?.Point?.coordinates).toBe(`${coarsen(SGBV_AT.lon)},${coarsen(SGBV_AT.lat)}`);
    expect(kmlData(kml ?? { '@id': '', name: '', styleUrl: '' }).locationCoarsened).toBe('true');
    expect(kml?.description).toContain('Need-to-know incident');

    for (const client of [viewer, operator]) {
      for (const format of ['geojson', 'kml', 'csv']) {
        const text = (await download(client, `/api/export/incidents.${format}`)).text;
        for (const secret of [...PEOPLE, String(SGBV_AT.lat), String(SGBV_AT.lon)]) expect(text, `${format}: ${secret}`).not.toContain(secret);
      }
    }
  });

  it('gives a commander with need-to-know the exact place, still with no people', async () => {
    for (const format of ['geojson', 'kml', 'csv']) {
      const text = (await download(investigator, `/api/export/incidents.${format}`)).text;
      for (const secret of PEOPLE) expect(text, `${format}: ${secret}`).not.toContain(secret);
    }
    const geo = FeatureCollection.parse(JSON.parse((await download(investigator, '/api/export/incidents.geojson')).text));
    const sgbv = geo.features.find((f) => f.id === ids.sgbv);
    expect(sgbv?.geometry).toEqual({ type: 'Point', coordinates: [SGBV_AT.lon, SGBV_AT.lat] });
    expect(sgbv?.properties).toMatchObject({ locationCoarsened: false, sensitive: true });
    const csv = csvRecords((await download(investigator, '/api/export/incidents.csv')).text).find((r) => r.id === ids.sgbv);
    expect(csv).toMatchObject({ lat: String(SGBV_AT.lat), lon: String(SGBV_AT.lon), location_coarsened: 'false' });
  });

  it('CSV is RFC 4180 with a byte-order mark; formulas are defused and text comes back whole', async () => {
    const file = await download(operator, '/api/export/incidents.csv');
    expect(file.type).toMatch(/^text\/csv; charset=utf-8/);
    expect(file.disposition).toMatch(/filename="?unmiss-incidents-\d{6}Z[A-Z]{3}\d{2}\.csv"?$/);
    const [header] = parseCsv(file.text);
    expect(header).toEqual([
      'id', 'occurred_utc', 'occurred_dtg', 'category', 'category_label', 'severity', 'severity_label', 'status', 'title', 'description',
      'lat', 'lon', 'mgrs', 'location_coarsened', 'sensitive', 'field_office', 'nearest_poc_site', 'nearest_poc_site_km', 'patrols_sent',
      'first_arrival_utc', 'reported_utc', 'reported_by', 'updated_utc',
    ]);
    const rows = csvRecords(file.text);
    expect(rows.map((r) => r.id)).toEqual([ids.sgbv, ids.nasty, ids.clash]);
    const nasty = rows.find((r) => r.id === ids.nasty);
    expect(nasty?.title).toBe(`'${NASTY_TITLE}`);
    expect(nasty?.description).toBe(`'${NASTY_DESCRIPTION}`);
    expect(rows.find((r) => r.id === ids.clash)?.title).toBe("'@SUM(1) clash at the Wau cattle camp");
    // What a spreadsheet would run: no cell may start with = + - @ (nor tab or CR).
    for (const row of parseCsv(file.text)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(nasty?.occurred_utc).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(nasty?.occurred_dtg).toMatch(/^\d{6}Z [A-Z]{3} \d\d$/);
    expect(nasty).toMatchObject({ category: 'crime', severity: '2', field_office: 'juba', reported_by: expect.stringMatching(/^operator/) });
  });

  it('KML is well-formed KML 2.2: a folder per category, styles by severity, text escaped and read back whole', async () => {
    const file = await download(operator, '/api/export/incidents.kml');
    expect(file.type).toMatch(/^application\/vnd\.google-earth\.kml\+xml/);
    expect(file.disposition).toMatch(/filename="?unmiss-incidents-\d{6}Z[A-Z]{3}\d{2}\.kml"?$/);
    const placemarks = kmlPlacemarks(file.text);
    expect(placemarks.map((p) => kmlData(p).id).sort()).toEqual([ids.sgbv, ids.nasty, ids.clash].sort());
    const nasty = placemarks.find((p) => kmlData(p).id === ids.nasty);
    expect(nasty?.name).toBe(NASTY_TITLE);
    // XML 1.0 cannot carry a BEL character: it is dropped, the rest is kept (XML reads CRLF as LF).
    expect(nasty?.description).toContain(NASTY_DESCRIPTION.replace('\u0007', '').replace('\r\n', '\n'));
    expect(nasty?.folder).toBe('Crime (1)');
    expect(nasty?.styleUrl).toBe('#severity-2');
    expect(nasty?.Point?.coordinates).toBe('31.6,4.85');
    expect(nasty?.TimeStamp?.when[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(placemarks.find((p) => kmlData(p).id === ids.clash)?.styleUrl).toBe('#severity-3');
  });

  it('filters by status, category and an explicit window', async () => {
    const idsOf = async (query: string) => FeatureCollection.parse(JSON.parse((await download(viewer, `/api/export/incidents.geojson?${query}`)).text)).features.map((f) => f.id);
    expect(await idsOf('status=verified')).toEqual([ids.clash]);
    expect(await idsOf('category=sgbv,crime')).toEqual([ids.sgbv, ids.nasty]);
    expect(await idsOf('category=crime&category=intercommunal-clash')).toEqual([ids.nasty, ids.clash]);
    expect(await idsOf(`from=${new Date(now - 80 * HOUR).toISOString()}&to=${now - 4 * HOUR}`)).toEqual([ids.old, ids.sgbv]);
  });

  it('records every export in the audit log: who, what, how many', async () => {
    await download(viewer, '/api/export/incidents.csv?category=sgbv');
    const entries = await server.app.audit.list({ limit: 100, action: 'export.incidents' });
    const last = entries[0];
    expect(last?.actor).toMatch(/^viewer/);
    expect(last?.target).toMatch(/^unmiss-incidents-\d{6}Z[A-Z]{3}\d{2}\.csv$/);
    expect(last?.details).toMatchObject({ format: 'csv', rows: 1, categories: ['sgbv'], coarsened: 1, exactSensitive: 0 });
    expect(entries.some((e) => e.actor.startsWith('commander') && e.details?.exactSensitive === 1)).toBe(true);
  });
});

describe('tracks', () => {
  it('GeoJSON: a LineString per unit with a time per vertex, only fixes inside the window', async () => {
    const file = await download(viewer, '/api/export/tracks.geojson');
    expect(file.status).toBe(200);
    expect(file.disposition).toMatch(/filename="?unmiss-tracks-\d{6}Z[A-Z]{3}\d{2}\.geojson"?$/);
    const collection = FeatureCollection.parse(JSON.parse(file.text));
    const byUnit = new Map(collection.features.map((f) => [f.id, f]));
    const fpu = byUnit.get('exp-fpu-1');
    expect(fpu?.geometry?.type).toBe('LineString');
    const coords = fpu?.geometry?.type === 'LineString' ? fpu.geometry.coordinates : [];
    expect(coords).toHaveLength(61);
    expect(coords[0]).toEqual([31.65, 9.5]);
    expect(fpu?.properties).toMatchObject({ callsign: 'MAL-FPU-1', unitType: 'fpu-vehicle', fixes: 61 });
    expect(z.array(z.string()).parse(fpu?.properties?.coordTimes)).toHaveLength(61);
    expect(Number(fpu?.properties?.lengthKm)).toBeCloseTo(13.3, 0);
    // The fix from 30 h ago is outside the last 24 h.
    const ipo = byUnit.get('exp:ipo-2');
    expect(ipo?.properties).toMatchObject({ fixes: 2, callsign: 'JUB-IPO-2' });
    expect(file.rows).toBe('63');
  });

  it('KML: a gx:Track with a time per fix, and plain paths for other GIS tools', async () => {
    const file = await download(viewer, '/api/export/tracks.kml?unitIds=exp-fpu-1');
    const placemarks = kmlPlacemarks(file.text);
    const track = placemarks.find((p) => p.folder === 'Tracks (with times)');
    expect(track?.name).toBe('MAL-FPU-1');
    expect(track?.['gx:Track']?.when).toHaveLength(61);
    expect(track?.['gx:Track']?.['gx:coord']).toHaveLength(61);
    expect(track?.['gx:Track']?.['gx:coord'][0]).toBe('31.65 9.5 0');
    expect(placemarks.find((p) => p.folder.startsWith('Paths'))?.LineString?.coordinates.split(' ')).toHaveLength(61);
    expect(placemarks.every((p) => kmlData(p).unitId === 'exp-fpu-1')).toBe(true);
  });

  it('CSV: one line per fix, thinned on request, in km/h', async () => {
    const all = csvRecords((await download(viewer, '/api/export/tracks.csv?unitIds=exp-fpu-1')).text);
    expect(all).toHaveLength(61);
    expect(all[0]).toMatchObject({ unit_id: 'exp-fpu-1', callsign: 'MAL-FPU-1', unit_type: 'fpu-vehicle', lat: '9.5', lon: '31.65', speed_kmh: '18', heading_deg: '0', accuracy_m: '8', implausible: 'false' });
    expect(all[0]?.mgrs).toMatch(/^36P \w\w \d{5} \d{5}$/);
    const thinned = csvRecords((await download(viewer, '/api/export/tracks.csv?unitIds=exp-fpu-1&everyS=600')).text);
    expect(thinned).toHaveLength(7);
    const both = csvRecords((await download(viewer, '/api/export/tracks.csv?unitIds=exp-fpu-1,exp:ipo-2')).text);
    expect(new Set(both.map((r) => r.unit_id))).toEqual(new Set(['exp-fpu-1', 'exp:ipo-2']));
    const audit = await server.app.audit.list({ limit: 20, action: 'export.tracks' });
    expect(audit[0]?.details).toMatchObject({ format: 'csv', units: 2, rows: 63, unitIds: ['exp-fpu-1', 'exp:ipo-2'] });
  });
});

describe('refusals', () => {
  it('refuses a window that is too long, back to front or not a time, naming the field', async () => {
    const tooLong = await refused(viewer, `/api/export/tracks.csv?from=${now - 25 * HOUR}&to=${now}`);
    expect(tooLong).toMatchObject({ status: 400, code: 'invalid_input', paths: ['from'] });
    expect(tooLong.message).toContain('24 h');
    expect(await refused(viewer, `/api/export/incidents.csv?from=${now}&to=${now - HOUR}`)).toMatchObject({ status: 400, paths: ['from'] });
    expect(await refused(viewer, '/api/export/incidents.csv?from=yesterday')).toMatchObject({ status: 400, paths: ['from'] });
    expect(await refused(viewer, '/api/export/incidents.csv?from=2026-11-21T05:30:00')).toMatchObject({ status: 400, paths: ['from'] });
  });

  it('refuses unknown statuses, categories, units and formats', async () => {
    expect(await refused(viewer, '/api/export/incidents.geojson?status=verified,lost')).toMatchObject({ status: 400, paths: ['status[1]'] });
    expect(await refused(viewer, '/api/export/incidents.geojson?category=riot')).toMatchObject({ status: 400, paths: ['category[0]'] });
    expect(await refused(viewer, '/api/export/tracks.geojson?unitIds=exp-fpu-1,nobody')).toMatchObject({ status: 400, paths: ['unitIds[1]'] });
    expect(await refused(viewer, '/api/export/tracks.geojson?unitIds=bad%20id')).toMatchObject({ status: 400, paths: ['unitIds[0]'] });
    expect(await refused(viewer, '/api/export/tracks.csv?everyS=-5')).toMatchObject({ status: 400, paths: ['everyS'] });
    expect(await refused(viewer, '/api/export/incidents.xlsx')).toMatchObject({ status: 404, paths: ['format'] });
  });

  it('refuses anyone not signed in', async () => {
    const anonymous = await fetch(`${server.url}/api/export/incidents.csv`);
    expect(anonymous.status).toBe(401);
  });
});

describe('map snapshots', () => {
  it('records who took one, of what, and refuses a record that is not one', async () => {
    const record = {
      extent: { west: 31.4, south: 4.7, east: 31.8, north: 5.0 },
      zoom: 10.5,
      situationAt: now - 3 * HOUR,
      replay: true,
      layers: ['units', 'incidents'],
      incidents: 2,
      exactSensitive: 0,
      filename: 'unmiss-map-211030ZNOV26.png',
    };
    const ok = await viewer.send('POST', '/api/export/snapshots', record);
    expect(ok.status).toBe(201);
    const entries = await server.app.audit.list({ limit: 10, action: 'export.map-snapshot' });
    expect(entries[0]).toMatchObject({ actor: expect.stringMatching(/^viewer/), target: record.filename, details: record });
    const bad = await viewer.send('POST', '/api/export/snapshots', { ...record, zoom: 'close' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { issues: [{ path: 'zoom' }] } });
  });
});

it('names each category as the map legend does', () => {
  for (const c of IncidentCategory.options) expect(CATEGORY_LABEL[c]).toBe(LEGEND_LABEL[c]);
});
