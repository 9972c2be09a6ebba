import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv.js';
import { gridReference } from './grid.js';
import { kmlColour, sheetUtc, zuluDtg } from './labels.js';
import { thinFixes, trackLengthKm, tracksCsv, tracksGeoJson, tracksKml } from './tracks.js';
import { escapeXml } from './xml.js';

describe('csvField', () => {
  it('quotes only what needs quoting, doubling quotes', () => {
    expect(csvField('Malakal')).toBe('Malakal');
    expect(csvField('Bor, Jonglei')).toBe('"Bor, Jonglei"');
    expect(csvField('the "POC" gate')).toBe('"the ""POC"" gate"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(true)).toBe('true');
  });

  it('keeps text a spreadsheet would run as a formula as text', () => {
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvField(formula).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops what XML 1.0 cannot carry', () => {
    expect(escapeXml(`Tom & Jerry <"x"> 'y'`)).toBe('Tom &amp; Jerry &lt;&quot;x&quot;&gt; &apos;y&apos;');
    expect(escapeXml('bell\u0007 nul\u0000 fffe\uFFFE lone\uD800 ok\u{1F600}')).toBe('bell nul fffe lone ok\u{1F600}');
    expect(escapeXml('tab\tline\nreturn\r')).toBe('tab\tline\nreturn\r');
  });
});

describe('times, colours and grid references', () => {
  const t = Date.UTC(2026, 10, 21, 14, 30, 5);
  it('writes times as briefs and spreadsheets read them', () => {
    expect(zuluDtg(t)).toBe('211430Z NOV 26');
    expect(sheetUtc(t)).toBe('2026-11-21 14:30:05');
    expect(kmlColour('#ff3b30')).toBe('ff303bff');
    expect(kmlColour('#3ea6ff', 0xdd)).toBe('ddffa63e');
  });

  it('gives MGRS to 1 m, or to 1 km for a coarsened place', () => {
    expect(gridReference(31.5825, 4.8594)).toBe('36N UL 42815 37287');
    expect(gridReference(31.5825, 4.8594, 2)).toBe('36N UL 42 37');
  });
});

describe('tracks', () => {
  const fix = (minute: number, lat: number, implausible = false) => ({ time: minute * 60_000, lat, lon: 31.6, ...(implausible ? { implausible: true as const } : {}) });
  it('thins to one fix per step, keeping the first and the last', () => {
    const fixes = Array.from({ length: 11 }, (_, i) => fix(i, 4.8));
    expect(thinFixes(fixes, 0)).toHaveLength(11);
    expect(thinFixes(fixes, 3 * 60_000).map((f) => f.time / 60_000)).toEqual([0, 3, 6, 9, 10]);
  });

  it('measures along the track, leaving implausible jumps out', () => {
    expect(trackLengthKm([fix(0, 4.8), fix(1, 4.81), fix(2, 4.82)])).toBeCloseTo(2.22, 1);
    expect(trackLengthKm([fix(0, 4.8), fix(1, 6.8, true), fix(2, 4.81)])).toBeCloseTo(1.11, 1);
  });
});

describe('long tracks are written in pieces that still make one valid file', () => {
  const long = Array.from({ length: 1234 }, (_, i) => ({ time: Date.UTC(2026, 10, 21) + i * 10_000, lat: 9.5 + i * 1e-4, lon: 31.65 }));
  const file = {
    tracks: [
      { unitId: 'mal-1', callsign: 'MAL "1"', type: 'fpu-vehicle' as const, fieldOffice: 'malakal' as const, fixes: long },
      { unitId: 'jub:2', callsign: 'JUB-2', type: 'ipo-foot' as const, fieldOffice: 'juba' as const, fixes: long.slice(0, 1) },
    ],
    from: Date.UTC(2026, 10, 20, 12),
    to: Date.UTC(2026, 10, 21, 12),
    exportedAt: Date.UTC(2026, 10, 21, 12),
    exportedBy: 'commander1',
  };

  it('GeoJSON: a LineString with a time per vertex, and a Point for a single fix', () => {
    const chunks = [...tracksGeoJson(file)];
    expect(chunks.length).toBeGreaterThan(6);
    const parsed = JSON.parse(chunks.join('')) as { features: { id: string; geometry: { type: string; coordinates: unknown[] }; properties: { coordTimes: string[]; callsign: string } }[] };
    const [line, point] = parsed.features;
    expect(line?.geometry.type).toBe('LineString');
    expect(line?.geometry.coordinates).toHaveLength(1234);
    expect(line?.geometry.coordinates[1233]).toEqual([31.65, long[1233]?.lat]);
    expect(line?.properties.coordTimes).toHaveLength(1234);
    expect(line?.properties.coordTimes[1]).toBe('2026-11-21T00:00:10.000Z');
    expect(line?.properties.callsign).toBe('MAL "1"');
    expect(point).toMatchObject({ id: 'jub:2', geometry: { type: 'Point', coordinates: [31.65, 9.5] }, properties: { coordTimes: ['2026-11-21T00:00:00.000Z'] } });
  });

  it('KML: as many times as positions, in well-formed XML with XML ids', () => {
    const text = [...tracksKml(file)].join('');
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text.match(/<when>/g)).toHaveLength(1235);
    expect(text.match(/<gx:coord>/g)).toHaveLength(1235);
    expect(text).toContain('<Placemark id="track-jub_2">');
    expect(text).toContain('<name>MAL &quot;1&quot;</name>');
  });

  it('CSV: a line per fix, the callsign quoted', () => {
    const text = [...tracksCsv(file)].join('');
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(1 + 1235 + 1);
    expect(lines[1]).toBe(`mal-1,"MAL ""1""",fpu-vehicle,malakal,2026-11-21 00:00:00,9.5,31.65,${gridReference(31.65, 9.5)},,,,,,false`);
  });
});
