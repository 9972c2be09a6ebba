import type { Logger } from 'pino';
import { INCIDENT_IN_ALERT_EN } from '../../shared/alerts.js';
import { isSensitive, type IncidentRecord } from '../../shared/incidents.js';
import { corridorsAt, sitesWithin, zonesContaining, zoneTransitions, type SiteIndex } from '../../geo/rules/index.js';
import type { Clock } from '../clock.js';
import type { Tracker } from '../tracking/tracker.js';
import type { AlertService } from './service.js';

export interface EarlyWarningPolicy {
  /** an incident this close to a POC site, field office or headquarters raises an alert */
  incidentNearSiteKm: number;
  /** an incident this close to a corridor in its migration season raises an alert */
  corridorBufferKm: number;
  /** patrols entering or leaving a POC site raise a notice */
  zoneNotices: boolean;
}

export const DEFAULT_EARLY_WARNING: EarlyWarningPolicy = { incidentNearSiteKm: 5, corridorBufferKm: 10, zoneNotices: true };

/**
 * Wires the pure early-warning rules of `geo/rules` to incidents and patrols: an incident near
 * a protected site or inside an in-season corridor raises an alert at the incident's severity;
 * a patrol entering or leaving a POC site, or entering an in-season corridor, raises a notice.
 */
export class EarlyWarning {
  private readonly zonesByUnit = new Map<string, string[]>();
  private readonly corridorsByUnit = new Map<string, string[]>();
  private readonly stop: () => void;

  constructor(
    private readonly index: SiteIndex,
    private readonly alerts: AlertService,
    private readonly tracker: Tracker,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly policy: EarlyWarningPolicy = DEFAULT_EARLY_WARNING,
    /** with several server nodes, every node follows the patrols but only the leading one raises their notices */
    private readonly leading: () => boolean = () => true,
  ) {
    this.stop = policy.zoneNotices ? tracker.onChange((ids) => this.checkPatrols(ids)) : () => undefined;
  }

  close(): void {
    this.stop();
  }

  /** Runs the incident rules; called after an incident is created or moved. */
  async onIncident(record: IncidentRecord): Promise<void> {
    const at: [number, number] = [record.location.lon, record.location.lat];
    const what = INCIDENT_IN_ALERT_EN[record.category];
    // Distances of need-to-know incidents are not shown: the threshold says enough.
    const precise = !isSensitive(record);
    const near = sitesWithin(this.index, at, this.policy.incidentNearSiteKm, ['poc-site', 'field-office', 'headquarters'])[0];
    if (near) {
      const distance = precise ? `${near.distanceKm.toFixed(1)} km from` : `within ${this.policy.incidentNearSiteKm} km of`;
      const place = near.distanceKm === 0 ? 'inside' : precise ? 'at' : 'within';
      // The words say no more than the title: a tenth of a kilometre, or only the threshold.
      const km = place === 'at' ? Number(near.distanceKm.toFixed(1)) : place === 'within' ? this.policy.incidentNearSiteKm : 0;
      await this.alerts.raise({
        kind: 'incident-near-site',
        severity: record.severity,
        title: `${what} ${near.distanceKm === 0 ? 'inside' : distance} ${near.site.properties.name}`,
        words: { kind: 'incident-near-site', category: record.category, site: near.site.properties.name, place, km },
        unitId: null,
        incidentId: record.id,
      });
    }
    const corridor = corridorsAt(this.index, at, this.policy.corridorBufferKm, this.clock.now()).find((c) => c.inSeason);
    if (corridor) {
      await this.alerts.raise({
        kind: 'incident-in-corridor',
        severity: record.severity,
        title: `${what} on the ${corridor.corridor.properties.name} migration corridor, in season`,
        words: { kind: 'incident-in-corridor', category: record.category, corridor: corridor.corridor.properties.name },
        unitId: null,
        incidentId: record.id,
      });
    }
  }

  private checkPatrols(ids: ReadonlySet<string>): void {
    for (const id of ids) {
      const unit = this.tracker.unit(id);
      const fix = unit?.last;
      if (!unit || !fix) continue;
      const now = zonesContaining(this.index, [fix.lon, fix.lat]).map((z) => z.id);
      const before = this.zonesByUnit.get(id);
      this.zonesByUnit.set(id, now);
      const corridors = corridorsAt(this.index, [fix.lon, fix.lat], this.policy.corridorBufferKm, this.clock.now()).filter((c) => c.inSeason);
      const corridorsBefore = this.corridorsByUnit.get(id);
      this.corridorsByUnit.set(id, corridors.map((c) => c.corridor.properties.id));
      // The first fix seen only sets where the patrol is; crossings come after.
      if (!before || !corridorsBefore || !this.leading()) continue;
      const { entered, left } = zoneTransitions(before, now);
      const name = (zoneId: string) => this.index.zones.find((z) => z.id === zoneId)?.name ?? zoneId;
      const onCorridor = corridors.filter((c) => !corridorsBefore.includes(c.corridor.properties.id));
      const work = [
        ...onCorridor.map((c) =>
          this.alerts.raise({
            kind: 'patrol-in-corridor',
            severity: 1,
            title: `${unit.callsign} on the ${c.corridor.properties.name} corridor, in season`,
            words: { kind: 'patrol-in-corridor', callsign: unit.callsign, corridor: c.corridor.properties.name },
            unitId: id,
            notice: true,
          }),
        ),
        ...entered.map((z) => this.alerts.raise({ kind: 'patrol-entered-zone', severity: 1, title: `${unit.callsign} entered ${name(z)}`, words: { kind: 'patrol-entered-zone', callsign: unit.callsign, zone: name(z) }, unitId: id, notice: true })),
        ...left.map((z) => this.alerts.raise({ kind: 'patrol-left-zone', severity: 1, title: `${unit.callsign} left ${name(z)}`, words: { kind: 'patrol-left-zone', callsign: unit.callsign, zone: name(z) }, unitId: id, notice: true })),
      ];
      Promise.all(work).catch((err: unknown) => this.logger.error({ err, unitId: id }, 'could not raise a zone notice'));
    }
  }
}
