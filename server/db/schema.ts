import type { Generated } from 'kysely';

/** Tables as Kysely sees them. Times are epoch milliseconds (UTC); booleans are 0/1. */
export interface Database {
  units: UnitsTable;
  positions: PositionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  device_tokens: DeviceTokensTable;
  wall_links: WallLinksTable;
  audit: AuditTable;
  incidents: IncidentsTable;
  incident_events: IncidentEventsTable;
  alerts: AlertsTable;
  incident_assignments: IncidentAssignmentsTable;
  patrol_orders: PatrolOrdersTable;
  patrol_checkpoints: PatrolCheckpointsTable;
}

export interface UnitsTable {
  id: string;
  callsign: string;
  type: string;
  field_office: string;
  activity: string;
  last_time: number | null;
  last_lat: number | null;
  last_lon: number | null;
  last_speed: number | null;
  last_heading: number | null;
  last_accuracy: number | null;
  last_altitude: number | null;
  last_battery: number | null;
  last_implausible: number | null;
  last_stale_at: number | null;
  /** the team a TAK device says it belongs to (CoT __group) */
  group_name: string | null;
}

export interface PositionsTable {
  unit_id: string;
  time: number;
  lat: number;
  lon: number;
  speed: number | null;
  heading: number | null;
  accuracy: number | null;
  altitude: number | null;
  battery: number | null;
  implausible: number | null;
  stale_at: number | null;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  /** 1 when the user may read victim and witness details */
  sensitive: number;
  password_hash: string;
  disabled: number;
  failed_logins: number;
  locked_until: number | null;
  created_at: number;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string | null;
  wall_link_id: string | null;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export interface DeviceTokensTable {
  id: string;
  token_hash: string;
  unit_id: string;
  label: string;
  created_at: number;
  created_by: string;
  revoked_at: number | null;
}

export interface WallLinksTable {
  id: string;
  token_hash: string;
  label: string;
  created_at: number;
  created_by: string;
  revoked_at: number | null;
}

export interface AuditTable {
  seq: Generated<number>;
  time: number;
  actor: string;
  action: string;
  target: string | null;
  outcome: string;
  details: string | null;
}

export interface IncidentsTable {
  id: string;
  category: string;
  severity: number;
  title: string;
  description: string;
  lat: number;
  lon: number;
  protected: number;
  status: string;
  occurred_at: number;
  reported_at: number;
  reported_by: string;
  updated_at: number;
  field_office: string | null;
  /** the nearest POC site, office, HQ or station, and how far (km), fixed when the location is */
  nearest_site_id: string | null;
  nearest_site_km: number | null;
  /** JSON array of people; need-to-know */
  victims: string;
  /** JSON array of people; need-to-know */
  witnesses: string;
}

export interface IncidentEventsTable {
  seq: Generated<number>;
  incident_id: string;
  time: number;
  actor: string;
  action: string;
  /** JSON object: field → new value */
  changes: string;
}

export interface AlertsTable {
  id: string;
  kind: string;
  severity: number;
  title: string;
  unit_id: string | null;
  incident_id: string | null;
  raised_at: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  resolved_at: number | null;
  escalated_at: number | null;
  /** AlertWords as JSON text; null for alerts raised before words were kept */
  words: string | null;
}

export interface IncidentAssignmentsTable {
  incident_id: string;
  unit_id: string;
  assigned_at: number;
  assigned_by: string;
  arrived_at: number | null;
}

export interface PatrolOrdersTable {
  id: string;
  unit_id: string;
  title: string;
  starts_at: number;
  /** the return-by time */
  ends_at: number;
  return_name: string;
  return_lat: number;
  return_lon: number;
  return_radius_m: number;
  /** planned, active, completed, overdue or cancelled */
  status: string;
  created_by: string;
  created_at: number;
  updated_at: number;
  overdue_at: number | null;
  completed_at: number | null;
  cancelled_at: number | null;
  cancelled_by: string | null;
}

export interface PatrolCheckpointsTable {
  order_id: string;
  /** position in the plan, from 0 */
  idx: number;
  name: string;
  lat: number;
  lon: number;
  radius_m: number;
  due_at: number | null;
  reached_at: number | null;
  missed_at: number | null;
}
