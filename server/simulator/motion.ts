import bearing from '@turf/bearing';
import distance from '@turf/distance';
import { point } from '@turf/helpers';
import type { LonLat } from '../../shared/sites.js';

export interface RoutePosition {
  lon: number;
  lat: number;
  /** degrees clockwise from north, 0–360 */
  heading: number;
}

/** A closed route measured once, so that a position at any time costs one walk along it. */
export class Route {
  private readonly cumulativeM: number[];
  readonly lengthM: number;

  constructor(private readonly points: readonly LonLat[]) {
    if (points.length < 2) throw new Error('a route needs at least two points');
    this.cumulativeM = [0];
    let total = 0;
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      if (a && b) total += distance(point(a), point(b), { units: 'meters' });
      this.cumulativeM.push(total);
    }
    this.lengthM = total;
  }

  /** The point `metres` along the loop, wrapping round. */
  at(metres: number): RoutePosition {
    const first = this.points[0] as LonLat;
    if (this.lengthM === 0) return { lon: first[0], lat: first[1], heading: 0 };
    const d = ((metres % this.lengthM) + this.lengthM) % this.lengthM;
    let i = 1;
    while (i < this.cumulativeM.length - 1 && (this.cumulativeM[i] ?? 0) < d) i++;
    const a = this.points[i - 1] as LonLat;
    const b = this.points[i] as LonLat;
    const start = this.cumulativeM[i - 1] ?? 0;
    const span = (this.cumulativeM[i] ?? start) - start;
    const f = span > 0 ? (d - start) / span : 0;
    const heading = (bearing(point(a), point(b)) + 360) % 360;
    return { lon: a[0] + (b[0] - a[0]) * f, lat: a[1] + (b[1] - a[1]) * f, heading };
  }
}
