import type { Logger } from 'pino';
import type { UnitAlerts } from '../alerts/unit-alerts.js';
import type { DeadlineWatcher } from '../alerts/deadlines.js';
import type { ArrivalWatcher } from '../incidents/arrivals.js';
import type { PatrolOrderService } from '../patrols/service.js';
import type { PatrolWatcher } from '../patrols/watcher.js';
import type { Tracker } from '../tracking/tracker.js';
import type { ClusterMessage } from './messages.js';
import type { ClusterNode } from './node.js';

/**
 * Keeps this node's in-memory state in step with the other nodes', and takes over the work that
 * runs once when this node comes to lead:
 * - each change to the live picture stored here goes out once on the bus; the others apply it to
 *   their trackers as already stored, so their screens and watchers follow it;
 * - patrol orders changed here are re-read by the others (their copy of the followed orders);
 * - a patrol sent to an incident is watched for by whichever node leads;
 * - revoked sessions end live connections on every node.
 * Incidents, alerts and patrol orders reach the screens through Socket.IO's adapter, once.
 * Returns a function that stops following.
 */
export function followCluster(parts: {
  node: ClusterNode;
  tracker: Tracker;
  patrols: PatrolOrderService;
  arrivals: ArrivalWatcher;
  unitAlerts: UnitAlerts;
  deadlines: DeadlineWatcher;
  patrolWatcher: PatrolWatcher;
  revalidateSockets: () => Promise<void>;
  logger: Logger;
}): () => void {
  const { node, tracker, patrols, arrivals, logger } = parts;
  const stops: (() => void)[] = [];
  if (node.clustered) {
    stops.push(tracker.onStored((change) => node.bus.publish({ type: 'tracker', change })));
    stops.push(patrols.onChange((order) => node.bus.publish({ type: 'patrol:changed', orderId: order.id })));
  }

  const failed = (type: ClusterMessage['type']) => (err: unknown) => logger.error({ err, type }, 'could not apply a change made on another server node');
  // Changes to the live picture are applied one after another, in the order they came; the rest
  // do not wait behind them (patrol orders keep their own order of changes).
  let tail = Promise.resolve();
  stops.push(
    node.bus.onMessage((message) => {
      switch (message.type) {
        case 'tracker':
          tail = tail.then(() => tracker.applyFromElsewhere(message.change)).catch(failed(message.type));
          return;
        case 'patrol:changed':
          patrols.refresh(message.orderId).catch(failed(message.type));
          return;
        case 'arrival:expected':
          arrivals.expect(message.unitId, { incidentId: message.incidentId, lat: message.lat, lon: message.lon });
          return;
        case 'sessions:revoked':
          parts.revalidateSockets().catch(failed(message.type));
          return;
      }
    }),
  );

  stops.push(
    node.leadership.onChange((leading) => {
      if (!leading) return;
      const started = Date.now();
      // What happened while no node led is caught up; each check is idempotent.
      Promise.all([parts.unitAlerts.takeOver(), arrivals.reload()])
        .then(() => Promise.all([parts.deadlines.check(), parts.patrolWatcher.check()]))
        .then(() => logger.info({ node: node.nodeId, ms: Date.now() - started }, 'took over the work that runs once and caught up on it'))
        .catch((err: unknown) => logger.error({ err }, 'could not catch up on taking over the work that runs once'));
    }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
