import circle from '@turf/circle';
import destination from '@turf/destination';
import { point } from '@turf/helpers';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { FieldOfficeId, LonLat, MissionPack } from '../../shared/sites.js';
import type { Activity, UnitRegistration, UnitType } from '../../shared/units.js';

/** A simulated patrol: who it is, the loop it drives or walks, and how often it reports. */
export interface SimulatedUnit {
  registration: UnitRegistration;
  activity: Activity;
  /** closed loop, [lon, lat]; first point repeated last */
  route: LonLat[];
  speedMps: number;
  reportEveryMs: number;
  /** where on its loop the unit is at time 0, as a fraction of the loop */
  phase: number;
  /** typical horizontal accuracy of its tracker, metres */
  accuracyM: number;
}

const OFFICE_CODES: Record<FieldOfficeId, string> = {
  aweil: 'AWL',
  bentiu: 'BTU',
  bor: 'BOR',
  juba: 'JUB',
  kuajok: 'KJK',
  malakal: 'MAL',
  rumbek: 'RBK',
  torit: 'TRT',
  yambio: 'YAM',
  wau: 'WAU',
  pibor: 'PIB',
};

const TYPE_CODES: Record<UnitType, string> = {
  'fpu-vehicle': 'FPU',
  'ipo-foot': 'IPO',
  'joint-patrol': 'JNT',
  'static-post': 'POST',
};

/** The order in which each office's patrols are filled: the first 44 units give every office one of each. */
const SLOTS: UnitType[] = ['fpu-vehicle', 'ipo-foot', 'joint-patrol', 'static-post'];

const KMH = 1000 / 3600;

type Rng = () => number;

function seeded(seed: number): Rng {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}

const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();

function offset(from: LonLat, km: number, bearingDeg: number): LonLat {
  const [lon, lat] = destination(point(from), km, bearingDeg, { units: 'kilometers' }).geometry.coordinates;
  return [round6(lon ?? from[0]), round6(lat ?? from[1])];
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** A vehicle loop out of the base through three points within reach of a day patrol. */
function vehicleLoop(rng: Rng, base: LonLat, extra: LonLat[]): LonLat[] {
  const start = between(rng, 0, 360);
  const stops = [0, 1, 2].map((i) => offset(base, between(rng, 6, 22), start + i * between(rng, 60, 110)));
  return [base, ...extra, ...stops, base];
}

/** A foot loop inside a site's footprint. */
function footLoop(rng: Rng, centre: LonLat, radiusM: number): LonLat[] {
  const ring = circle(point(centre), (radiusM * 0.7) / 1000, { steps: 8, units: 'kilometers' }).geometry.coordinates[0] ?? [];
  const loop = ring.map(([lon, lat]) => {
    const jitter = offset([lon ?? centre[0], lat ?? centre[1]], between(rng, 0, radiusM * 0.15) / 1000, between(rng, 0, 360));
    return jitter;
  });
  const first = loop[0];
  if (first) loop[loop.length - 1] = first;
  return loop;
}

/**
 * Builds a deterministic roster of `count` patrols spread over the eleven field offices:
 * vehicle patrols at road speeds, foot patrols inside POC sites at walking pace, joint patrols
 * with the national police, and static posts at base.
 */
export function buildRoster(pack: MissionPack, seed: number, count: number): SimulatedUnit[] {
  const rng = seeded(seed);
  const offices = pack.fieldOffices.features;
  const pocByOffice = new Map(pack.pocSites.features.map((f) => [f.properties.fieldOffice, f]));
  const kayango = pack.policeStations.features[0];
  const units: SimulatedUnit[] = [];

  for (let i = 0; i < count; i++) {
    const office = offices[i % offices.length];
    if (!office) break;
    const officeId = office.properties.id;
    const slot = Math.floor(i / offices.length);
    const type: UnitType = SLOTS[slot] ?? 'fpu-vehicle';
    const base = office.geometry.coordinates;
    const n = slot + 1;
    const registration: UnitRegistration = {
      id: `sim-${officeId}-${TYPE_CODES[type].toLowerCase()}-${n}`,
      callsign: `${OFFICE_CODES[officeId]}-${TYPE_CODES[type]}-${n}`,
      type,
      fieldOffice: officeId,
    };

    if (type === 'ipo-foot') {
      const poc = pocByOffice.get(officeId);
      const centre = poc ? poc.geometry.coordinates : base;
      const radius = poc ? poc.properties.radiusM : 800;
      units.push({
        registration,
        activity: 'on-patrol',
        route: footLoop(rng, centre, radius),
        speedMps: between(rng, 1.0, 1.5),
        reportEveryMs: 10_000,
        phase: rng(),
        accuracyM: Math.round(between(rng, 5, 20)),
      });
    } else if (type === 'static-post') {
      // A post stands in the compound, a little way from the office's own symbol.
      const post = offset(base, 0.25, between(rng, 0, 360));
      units.push({
        registration,
        activity: 'at-base',
        route: [post, post],
        speedMps: 0,
        reportEveryMs: 30_000,
        phase: 0,
        accuracyM: Math.round(between(rng, 3, 10)),
      });
    } else {
      // Wau's patrols also visit the Kayango station, where the corridors meet.
      const extra: LonLat[] = officeId === 'wau' && kayango ? [kayango.geometry.coordinates] : [];
      units.push({
        registration,
        activity: 'on-patrol',
        route: vehicleLoop(rng, base, extra),
        speedMps: between(rng, type === 'joint-patrol' ? 20 : 30, type === 'joint-patrol' ? 40 : 55) * KMH,
        reportEveryMs: 5_000,
        phase: rng(),
        accuracyM: Math.round(between(rng, 4, 15)),
      });
    }
  }
  return units;
}
