import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import type { PositionReportInput } from '../../shared/positions.js';

/** CoT's "unknown" for ce and le (circular and linear error). */
const UNKNOWN_ERROR = 9_999_999;

/** ATAK's emergency types: 911, troops in contact, ring the bell… and the cancellation. */
const EMERGENCY_TYPES = new Set(['b-a-o-tbl', 'b-a-o-opn', 'b-a-o-pan', 'b-a-o-c']);
const EMERGENCY_CANCEL = 'b-a-o-can';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Only XML's five predefined entities are decoded (&amp; in a callsign): a document type
  // declaration is refused before parsing, so no entity can be defined, let alone expanded.
  processEntities: true,
  htmlEntities: false,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  allowBooleanAttributes: true,
});

/** An & that does not open one of XML's predefined entities or a character reference. */
const UNDECLARED_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)[^\s<>"']{0,20}/;

// Attributes arrive as text: an empty, blank or hex attribute is refused, never read as 0.
const Num = z
  .string()
  .trim()
  .regex(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, 'not a decimal number')
  .transform(Number)
  .refine(Number.isFinite, 'not a finite number');
/** A measurement a device may leave blank (hae="", speed=""): blank is unknown, anything else must be a number. */
const OptionalNum = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), Num.optional());
const Iso = z.iso.datetime({ offset: true, error: 'not an ISO 8601 time with its zone, e.g. 2024-05-28T10:00:00Z' });

const CotEventXml = z.object({
  event: z.object({
    uid: z.string().min(1).max(200),
    type: z.string().min(1).max(100),
    how: z.string().max(20).optional(),
    time: Iso,
    start: Iso.optional(),
    stale: Iso,
    point: z.object({
      lat: Num.pipe(z.number().min(-90).max(90)),
      lon: Num.pipe(z.number().min(-180).max(180)),
      hae: OptionalNum,
      ce: OptionalNum,
      le: OptionalNum,
    }),
    // An empty <detail/> reads as ''; as absent, so a refusal names the field (event.detail.contact).
    detail: z.preprocess(
      (d) => (d === '' ? undefined : d),
      z
        .looseObject({
          contact: z.looseObject({ callsign: z.string().max(100).optional() }).optional(),
          __group: z.looseObject({ name: z.string().max(100).optional(), role: z.string().max(100).optional() }).optional(),
          track: z.looseObject({ speed: OptionalNum, course: OptionalNum }).optional(),
          status: z.looseObject({ battery: OptionalNum }).optional(),
          link: z.unknown().optional(),
          remarks: z.unknown().optional(),
        })
        .optional(),
    ),
  }),
});

export interface CotEvent {
  uid: string;
  type: string;
  how: string | undefined;
  time: number;
  stale: number;
  lat: number;
  lon: number;
  callsign: string | undefined;
  group: string | undefined;
  /** the unit an emergency is about: the p-p link, or the uid without its -9-1-1 suffix */
  subjectUid: string;
  emergency: 'raised' | 'cancelled' | null;
  report: PositionReportInput;
}

export type CotParse = { ok: true; event: CotEvent } | { ok: false; reason: string };

function linkedParent(link: unknown): string | undefined {
  const links = Array.isArray(link) ? link : [link];
  for (const l of links) {
    if (typeof l === 'object' && l !== null && 'uid' in l && 'relation' in l) {
      const { uid, relation } = l as { uid: unknown; relation: unknown };
      if (relation === 'p-p' && typeof uid === 'string') return uid;
    }
  }
  return undefined;
}

/**
 * Reads one Cursor on Target event. Unknown detail elements are tolerated; a document type
 * declaration is refused outright, so no entity can be defined, let alone expanded.
 */
export function parseCotEvent(xml: string): CotParse {
  if (xml.length > 256 * 1024) return { ok: false, reason: 'event larger than 256 KiB' };
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, reason: 'document type declarations are not accepted in CoT' };
  // A bare & is allowed only inside CDATA sections and comments.
  const badReference = UNDECLARED_REFERENCE.exec(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, ''));
  if (badReference) return { ok: false, reason: `not well-formed XML: "${badReference[0]}" is an undeclared entity or an unescaped & (write &amp;)` };
  let tree: unknown;
  try {
    tree = parser.parse(xml, true);
  } catch (err) {
    return { ok: false, reason: `not well-formed XML: ${err instanceof Error ? err.message.split('\n')[0] : 'parse error'}` };
  }
  const parsed = CotEventXml.safeParse(tree);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: `not a CoT event: ${first ? `${first.path.join('.')}: ${first.message}` : 'unknown shape'}` };
  }
  const e = parsed.data.event;
  const detail = typeof e.detail === 'object' ? e.detail : undefined;
  const emergency = EMERGENCY_TYPES.has(e.type) ? 'raised' : e.type === EMERGENCY_CANCEL ? 'cancelled' : null;
  const subjectUid = emergency ? (linkedParent(detail?.link) ?? e.uid.replace(/-9-1-1$/, '')) : e.uid;
  const time = Date.parse(e.time);
  const report: PositionReportInput = { unitId: subjectUid, time, lat: e.point.lat, lon: e.point.lon };
  if (e.point.ce !== undefined && e.point.ce < UNKNOWN_ERROR) report.accuracy = e.point.ce;
  if (e.point.hae !== undefined && e.point.hae < UNKNOWN_ERROR && e.point.hae > -500 && e.point.hae < 10_000) report.altitude = e.point.hae;
  const track = detail?.track;
  if (track?.speed !== undefined && track.speed >= 0) report.speed = track.speed;
  if (track?.course !== undefined && track.course >= 0 && track.course <= 360) report.heading = track.course === 360 ? 0 : track.course;
  const battery = detail?.status?.battery;
  if (battery !== undefined && battery >= 0 && battery <= 100) report.battery = battery;
  if (emergency === 'raised') report.activity = 'sos';
  if (emergency === 'cancelled') report.activity = 'on-patrol';
  report.staleAt = Date.parse(e.stale);
  return {
    ok: true,
    event: {
      uid: e.uid,
      type: e.type,
      how: e.how,
      time,
      stale: Date.parse(e.stale),
      lat: e.point.lat,
      lon: e.point.lon,
      callsign: detail?.contact?.callsign,
      group: detail?.__group?.name,
      subjectUid,
      emergency,
      report,
    },
  };
}

/** The first byte of TAK's protobuf framing. */
export const TAK_PROTOBUF_MAGIC = 0xbf;

/**
 * Splits a TCP byte stream into CoT events: events may arrive split across packets or several
 * in one. Keeps at most `maxBuffer` bytes of an unfinished event.
 */
export class CotStreamSplitter {
  private buffer = '';

  constructor(private readonly maxBuffer = 1024 * 1024) {}

  /** Returns the complete events in this chunk; throws if an event grows past the limit. */
  push(chunk: string): string[] {
    this.buffer += chunk;
    const events: string[] = [];
    let end = this.buffer.indexOf('</event>');
    while (end !== -1) {
      const cut = end + '</event>'.length;
      const piece = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut);
      const start = piece.indexOf('<event');
      // A piece without its start (the tail of an event cut off elsewhere) is passed on to be refused.
      events.push(start === -1 ? piece : piece.slice(start));
      end = this.buffer.indexOf('</event>');
    }
    if (this.buffer.length > this.maxBuffer) {
      this.buffer = '';
      throw new Error(`an event grew past ${this.maxBuffer} bytes without </event>`);
    }
    return events;
  }

  /** What has arrived of an event not yet finished; blank between events. */
  get pending(): string {
    return this.buffer;
  }
}
