import type { IncidentRecord } from '../../shared/incidents.js';
import { summarise } from '../incidents/redaction.js';
import type { FeedServer } from './hub.js';

/** Sockets allowed exact locations of need-to-know incidents; everyone else sees them coarsened. */
export const NEED_TO_KNOW_ROOM = 'incidents:need-to-know';
export const RESTRICTED_ROOM = 'incidents:restricted';

/** Sends each incident change to every screen, in the form each may see. */
export class IncidentFeed {
  constructor(private readonly io: FeedServer) {}

  publish(event: 'incident:created' | 'incident:updated', record: IncidentRecord): void {
    this.io.to(NEED_TO_KNOW_ROOM).emit(event, summarise(record, true));
    this.io.to(RESTRICTED_ROOM).emit(event, summarise(record, false));
  }
}
