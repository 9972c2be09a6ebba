import type { IncidentSummary } from '../../shared/incidents.js';
import { fieldOfficeName } from '../format/labels.js';
import { jubaTime, jubaDate, zuluDtg } from '../format/time.js';
import { CATEGORY_LABEL, severityText, STATUS_LABEL } from '../incidents/categories.js';
import { useMe } from '../session/context.js';
import { Field } from './Field.js';
import { IncidentDispatch } from '../incidents/IncidentDispatch.js';
import { IncidentActions } from './IncidentActions.js';
import { IncidentDiamond } from './IncidentLegend.js';
import { IncidentTimeline } from './IncidentTimeline.js';
import { PositionFields } from './PositionFields.js';
import { ReplayFromReport } from '../replay/ReplayFromReport.js';

function TimePair({ at }: { at: number }) {
  return (
    <span className="time-pair">
      <span>
        <span className="mono">{jubaTime(at)}</span> <span className="muted">Juba, {jubaDate(at)}</span>
      </span>
      <span className="mono">{zuluDtg(at)}</span>
    </span>
  );
}

/** One incident: what, how bad, where, who reported it, its log and the next steps. */
export function IncidentDetails({ incident }: { incident: IncidentSummary }) {
  const me = useMe();
  const canManage = me?.permissions.includes('incidents:manage') ?? false;
  const { lon, lat } = incident.location;
  return (
    <div data-testid="incident-details" data-status={incident.status}>
      <div className="panel-title">
        <IncidentDiamond category={incident.category} />
        <h2 data-testid="detail-title">{incident.title}</h2>
      </div>
      <p className="panel-subtitle" data-testid="incident-category">
        {CATEGORY_LABEL[incident.category]}
        {incident.sensitive && ' · need-to-know'}
      </p>
      <div className="chips">
        <span className={`chip chip-incident-${incident.status}`} data-testid="incident-status">
          {STATUS_LABEL[incident.status]}
        </span>
        <span className={`chip chip-severity-${incident.severity}`} data-testid="incident-severity">
          Severity {severityText(incident.severity)}
        </span>
      </div>
      {incident.description && <p className="incident-description">{incident.description}</p>}
      {canManage && <IncidentActions incident={incident} />}
      <dl className="fields">
        <PositionFields lon={lon} lat={lat} />
        {incident.locationCoarsened && (
          <Field label="Precision" testId="incident-approximate">
            <strong>approximate (±2 km)</strong> <span className="muted">— need-to-know location</span>
          </Field>
        )}
        <Field label="Occurred" testId="incident-occurred">
          <TimePair at={incident.occurredAt} />
        </Field>
        <Field label="Reported" testId="incident-reported">
          <TimePair at={incident.reportedAt} />
        </Field>
        <Field label="Reported by" testId="incident-reported-by">
          {incident.reportedBy}
        </Field>
        <Field label="Field office" testId="incident-field-office">
          {incident.fieldOffice ? fieldOfficeName(incident.fieldOffice) : <span className="muted">none nearby</span>}
        </Field>
        <Field label="Nearest POC site" testId="incident-nearest-site">
          {incident.nearestSite ? (
            <>
              {incident.nearestSite.name}
              {incident.nearestSite.distanceKm !== null && (
                <span className="muted"> · {incident.nearestSite.distanceKm === 0 ? 'inside' : `${incident.nearestSite.distanceKm.toFixed(1)} km`}</span>
              )}
            </>
          ) : (
            <span className="muted">none</span>
          )}
        </Field>
      </dl>
      <ReplayFromReport reportedAt={incident.reportedAt} />
      <IncidentDispatch incident={incident} canManage={canManage} />
      <IncidentTimeline id={incident.id} updatedAt={incident.updatedAt} />
    </div>
  );
}
