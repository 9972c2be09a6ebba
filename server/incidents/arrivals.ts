import distance from '@turf/distance';
import { point } from '@turf/helpers';
import type { Logger } from 'pino';
import type { IncidentRecord } from '../../shared/incidents.js';
import type { Tracker } from '../tracking/tracker.js';
import type { IncidentService } from './service.js';

/** Within this distance of the incident, a patrol has arrived. */
export const ARRIVAL_RADIUS_M = 300;

interface Heading {
  incidentId: string;
  lat: number;
  lon: number;
}

/**
 * Watches patrols on their way to incidents and records their arrival (and so the time it took
 * to respond) when a fix puts them within the arrival radius.
 */
export class ArrivalWatcher {
  private readonly headings = new Map<string, Heading[]>();
  private readonly stop: () => void;

  constructor(
    private readonly tracker: Tracker,
    private readonly incidents: IncidentService,
    private readonly onArrived: (record: IncidentRecord) => void,
    private readonly logger: Logger,
    private readonly radiusM = ARRIVAL_RADIUS_M,
    /** with several server nodes, every node keeps the list but only the leading one records arrivals */
    private readonly leading: () => boolean = () => true,
  ) {
    this.stop = tracker.onChange((ids) => this.check(ids));
  }

  /** Loads assignments still on their way (after a restart). */
  async load(): Promise<void> {
    for (const a of await this.incidents.openAssignments()) this.expect(a.unitId, { incidentId: a.incidentId, lat: a.lat, lon: a.lon });
  }

  /** Reads the list afresh from the database (this node has just taken over from another). */
  async reload(): Promise<void> {
    const open = await this.incidents.openAssignments();
    this.headings.clear();
    for (const a of open) this.expect(a.unitId, { incidentId: a.incidentId, lat: a.lat, lon: a.lon });
  }

  expect(unitId: string, heading: Heading): void {
    const list = this.headings.get(unitId) ?? [];
    if (!list.some((h) => h.incidentId === heading.incidentId)) list.push(heading);
    this.headings.set(unitId, list);
    this.check(new Set([unitId]));
  }

  close(): void {
    this.stop();
  }

  private check(ids: ReadonlySet<string>): void {
    if (!this.leading()) return;
    for (const unitId of ids) {
      const list = this.headings.get(unitId);
      const fix = list ? this.tracker.unit(unitId)?.last : undefined;
      if (!list || !fix) continue;
      const here = point([fix.lon, fix.lat]);
      const reached = list.filter((h) => distance(here, point([h.lon, h.lat]), { units: 'meters' }) <= this.radiusM);
      if (reached.length === 0) continue;
      const left = list.filter((h) => !reached.includes(h));
      if (left.length > 0) this.headings.set(unitId, left);
      else this.headings.delete(unitId);
      for (const h of reached) {
        this.incidents
          .arrived(h.incidentId, unitId, fix.time)
          .then((record) => record && this.onArrived(record))
          .catch((err: unknown) => this.logger.error({ err, unitId, incidentId: h.incidentId }, 'could not record an arrival'));
      }
    }
  }
}
