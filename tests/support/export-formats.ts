import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';

/**
 * Readers for the exported files, written from the standards rather than from the exporter:
 * RFC 4180 CSV, RFC 7946 GeoJSON and KML as XML.
 */

/**
 * Reads CSV strictly as RFC 4180 has it (with the UTF-8 byte-order mark Excel wants): CRLF after
 * every record, quotes only around a whole field and doubled inside, no bare CR or LF or quote in
 * an unquoted field, the same number of fields on every line. Throws on anything else.
 */
export function parseCsv(text: string): string[][] {
  if (!text.startsWith('\uFEFF')) throw new Error('the CSV has no UTF-8 byte-order mark');
  const rows: string[][] = [];
  let i = 1;
  let row: string[] = [];
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('a quoted field is not closed');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        const c = text[i];
        if (c === '"' || c === '\n') throw new Error(`a bare ${c === '"' ? 'quote' : 'line feed'} in an unquoted field at ${i}`);
        field += c;
        i += 1;
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i += 1;
      continue;
    }
    if (text.slice(i, i + 2) !== '\r\n') throw new Error(`a record does not end with CRLF at ${i}`);
    i += 2;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) throw new Error('the last record has no CRLF');
  const width = rows[0]?.length ?? 0;
  rows.forEach((r, n) => {
    if (r.length !== width) throw new Error(`record ${n} has ${r.length} fields, the header ${width}`);
  });
  return rows;
}

/** CSV rows as objects keyed by the header. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('no header');
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());

/** RFC 7946 geometry kinds the exports use, checked as the standard says (a line has two positions or more). */
const Geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: Position }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(Position).min(2) }),
]);

export const Feature = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: Geometry.nullable(),
  properties: z.record(z.string(), z.unknown()).nullable(),
});

export const FeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(Feature),
});

/** Parses KML after checking it is well-formed XML; elements that may repeat are always arrays. */
export function parseKml(text: string): unknown {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => ['Folder', 'Placemark', 'Style', 'Data', 'when', 'gx:coord'].includes(name),
  });
  return parser.parse(text);
}

const Text = z.union([z.string(), z.number()]).transform(String);

export const KmlPlacemark = z.object({
  '@id': z.string(),
  name: Text,
  description: Text.optional(),
  styleUrl: z.string(),
  ExtendedData: z.object({ Data: z.array(z.object({ '@name': z.string(), value: Text })) }).optional(),
  Point: z.object({ coordinates: Text }).optional(),
  LineString: z.object({ coordinates: Text }).optional(),
  'gx:Track': z.object({ when: z.array(Text), 'gx:coord': z.array(Text) }).optional(),
  TimeStamp: z.object({ when: z.array(Text) }).optional(),
});
export type KmlPlacemark = z.infer<typeof KmlPlacemark>;

export const KmlDocument = z.object({
  kml: z.object({
    '@xmlns': z.literal('http://www.opengis.net/kml/2.2'),
    Document: z.object({
      name: Text,
      Style: z.array(z.object({ '@id': z.string() })),
      Folder: z.array(z.object({ name: Text, Placemark: z.array(KmlPlacemark).optional() })).optional(),
    }),
  }),
});

/** Every placemark in a KML document, with the name of its folder. */
export function kmlPlacemarks(text: string): (KmlPlacemark & { folder: string })[] {
  const doc = KmlDocument.parse(parseKml(text));
  return (doc.kml.Document.Folder ?? []).flatMap((f) => (f.Placemark ?? []).map((p) => ({ ...p, folder: f.name })));
}

/** A placemark's extended data as a plain object. */
export const kmlData = (p: KmlPlacemark): Record<string, string> => Object.fromEntries((p.ExtendedData?.Data ?? []).map((d) => [d['@name'], d.value]));
