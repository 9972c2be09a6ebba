import type { Logger } from 'pino';
import type { Unit } from '../../shared/units.js';
import type { Tracker } from '../tracking/tracker.js';
import type { AlertService } from './service.js';

/** SOS from a patrol is critical; a lost patrol is serious; a stale one is a notice. */
const SOS_SEVERITY = 4;
const LOST_SEVERITY = 3;

/** Opens an incident for a patrol's SOS and returns its id. */
export type OpenSosIncident = (unit: Unit) => Promise<string | null>;

export interface UnitAlerts {
  stop(): void;
  /**
   * This node has just taken over the work that runs once (another server node stopped): what
   * happened while nobody held it is caught up, each alert raised once — a patrol that fell
   * silent or sent SOS meanwhile, or came back.
   */
  takeOver(): Promise<void>;
}

/**
 * Raises and resolves alerts as patrols send SOS or fall silent. An SOS also opens an incident
 * where the patrol is, so that dispatch and the record start at once. With several server nodes,
 * every node sees every change but only the one `leading` raises the alerts.
 */
export function alertOnUnitTransitions(
  tracker: Tracker,
  alerts: AlertService,
  logger: Logger,
  openSosIncident?: OpenSosIncident,
  leading: () => boolean = () => true,
): UnitAlerts {
  if (leading()) {
    settleSosAfterRestart(tracker, alerts, openSosIncident).catch((err: unknown) => logger.error({ err }, 'could not settle SOS alerts after the restart'));
  }
  // One patrol's alert changes are made in the order they happened: a stand-down that follows
  // an SOS at once waits for the SOS alert to be raised, and then resolves it.
  const pending = new Map<string, Promise<void>>();
  const enqueue = (unitId: string, work: (() => Promise<unknown>)[]): Promise<void> => {
    const done = (pending.get(unitId) ?? Promise.resolve())
      .then(() => Promise.all(work.map((w) => w())))
      .then(
        () => undefined,
        (err: unknown) => logger.error({ err, unitId }, 'could not raise or resolve an alert'),
      );
    pending.set(unitId, done);
    void done.then(() => {
      if (pending.get(unitId) === done) pending.delete(unitId);
    });
    return done;
  };
  const stop = tracker.onTransition((unit, before) => {
    if (!leading()) return;
    const work: (() => Promise<unknown>)[] = [];
    // Stale is the first sign of a patrol falling silent: a notice for the record, no alarm.
    if (unit.status === 'stale' && before.status === 'live') {
      work.push(() => alerts.raise({ kind: 'unit-stale', severity: 1, title: `${unit.callsign} stale: reports have stopped`, words: { kind: 'unit-stale', callsign: unit.callsign }, unitId: unit.id, notice: true }));
    }
    if (unit.status === 'lost' && before.status !== 'lost') {
      // The screens show how long ago the last report was, in Juba time: the title need not.
      work.push(() => alerts.raise({ kind: 'unit-lost', severity: LOST_SEVERITY, title: `${unit.callsign} lost: no report`, words: { kind: 'unit-lost', callsign: unit.callsign }, unitId: unit.id }));
    }
    if (before.status === 'lost' && unit.status !== 'lost') work.push(() => alerts.resolve('unit-lost', unit.id));
    if (unit.activity === 'sos' && before.activity !== 'sos') {
      work.push(async () => {
        if (await alerts.isOpen('sos', unit.id)) return;
        const incidentId = openSosIncident ? await openSosIncident(unit) : null;
        await alerts.raise({ kind: 'sos', severity: SOS_SEVERITY, title: `SOS from ${unit.callsign}`, words: { kind: 'sos', callsign: unit.callsign }, unitId: unit.id, incidentId });
      });
    }
    if (before.activity === 'sos' && unit.activity !== 'sos') work.push(() => alerts.resolve('sos', unit.id));
    if (work.length === 0) return;
    void enqueue(unit.id, work);
  });
  const takeOver = async () => {
    const settled = tracker.allUnits().map((u) =>
      enqueue(u.id, [
        async () => {
          // As the unit stands when its turn comes, after any change already queued for it.
          const unit = tracker.unit(u.id);
          if (!unit) return;
          await settleSos(unit, alerts, openSosIncident);
          await settleLinkAlerts(unit, alerts);
        },
      ]),
    );
    await Promise.all(settled);
  };
  return { stop, takeOver };
}

/** The alerts for a patrol's link follow its status as it stands, whoever last looked. */
async function settleLinkAlerts(unit: Unit, alerts: AlertService): Promise<void> {
  if (!unit.last) return;
  if (unit.status === 'lost') {
    // At most one is open per patrol: one raised before the takeover is kept, not doubled.
    await alerts.raise({ kind: 'unit-lost', severity: LOST_SEVERITY, title: `${unit.callsign} lost: no report`, words: { kind: 'unit-lost', callsign: unit.callsign }, unitId: unit.id });
    return;
  }
  await alerts.resolve('unit-lost', unit.id);
  if (unit.status === 'stale' && !(await alerts.raisedSince('unit-stale', unit.id, unit.last.time))) {
    await alerts.raise({ kind: 'unit-stale', severity: 1, title: `${unit.callsign} stale: reports have stopped`, words: { kind: 'unit-stale', callsign: unit.callsign }, unitId: unit.id, notice: true });
  }
}

async function settleSos(unit: Unit, alerts: AlertService, openSosIncident?: OpenSosIncident): Promise<void> {
  const open = await alerts.isOpen('sos', unit.id);
  if (unit.activity === 'sos' && !open) {
    const incidentId = openSosIncident ? await openSosIncident(unit) : null;
    await alerts.raise({ kind: 'sos', severity: SOS_SEVERITY, title: `SOS from ${unit.callsign}`, words: { kind: 'sos', callsign: unit.callsign }, unitId: unit.id, incidentId });
  }
  if (unit.activity !== 'sos' && open) await alerts.resolve('sos', unit.id);
}

/**
 * A server that died between storing a patrol's SOS (or its standing down) and raising (or
 * resolving) the alert comes back with the two out of step: the alarm follows what is stored.
 */
export async function settleSosAfterRestart(tracker: Tracker, alerts: AlertService, openSosIncident?: OpenSosIncident): Promise<void> {
  for (const unit of tracker.allUnits()) await settleSos(unit, alerts, openSosIncident);
}
