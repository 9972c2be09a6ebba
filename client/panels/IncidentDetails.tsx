import type { IncidentSummary } from '../../shared/incidents.js';
import { fieldOfficeName } from '../format/labels.js';
import { jubaTime, jubaDate, zuluDtg } from '../format/time.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { panelMessages } from './messages.js';
import { categoryLabel, incidentStatusLabel, severityText } from '../incidents/categories.js';
import { useMe } from '../session/context.js';
import { Field } from './Field.js';
import { IncidentDispatch } from '../incidents/IncidentDispatch.js';
import { IncidentActions } from './IncidentActions.js';
import { IncidentDiamond } from './IncidentLegend.js';
import { IncidentTimeline } from './IncidentTimeline.js';
import { PositionFields } from './PositionFields.js';
import { ReplayFromReport } from '../replay/ReplayFromReport.js';

function TimePair({ at }: { at: number }) {
  const lang = useLang();
  const t = useMessages(panelMessages);
  return (
    <span className="time-pair">
      <span>
        <span className="mono">{jubaTime(at)}</span> <span className="muted">
          {t.juba}, {jubaDate(at, lang)}
        </span>
      </span>
      <span className="mono">{zuluDtg(at)}</span>
    </span>
  );
}

/** One incident: what, how bad, where, who reported it, its log and the next steps. */
export function IncidentDetails({ incident }: { incident: IncidentSummary }) {
  const lang = useLang();
  const t = useMessages(panelMessages);
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
        {categoryLabel(incident.category, lang)}
        {incident.sensitive && t.needToKnowTag}
      </p>
      <div className="chips">
        <span className={`chip chip-incident-${incident.status}`} data-testid="incident-status">
          {incidentStatusLabel(incident.status, lang)}
        </span>
        <span className={`chip chip-severity-${incident.severity}`} data-testid="incident-severity">
          {t.severityChip(severityText(incident.severity, lang))}
        </span>
      </div>
      {incident.description && <p className="incident-description">{incident.description}</p>}
      {canManage && <IncidentActions incident={incident} />}
      <dl className="fields">
        <PositionFields lon={lon} lat={lat} />
        {incident.locationCoarsened && (
          <Field label={t.precision} testId="incident-approximate">
            <strong>{t.approximate}</strong> <span className="muted">{t.needToKnowLocation}</span>
          </Field>
        )}
        <Field label={t.occurred} testId="incident-occurred">
          <TimePair at={incident.occurredAt} />
        </Field>
        <Field label={t.reported} testId="incident-reported">
          <TimePair at={incident.reportedAt} />
        </Field>
        <Field label={t.reportedBy} testId="incident-reported-by">
          {incident.reportedBy}
        </Field>
        <Field label={t.fieldOfficeLabel} testId="incident-field-office">
          {incident.fieldOffice ? fieldOfficeName(incident.fieldOffice) : <span className="muted">{t.noneNearby}</span>}
        </Field>
        <Field label={t.nearestPoc} testId="incident-nearest-site">
          {incident.nearestSite ? (
            <>
              {incident.nearestSite.name}
              {incident.nearestSite.distanceKm !== null && (
                <span className="muted"> · {incident.nearestSite.distanceKm === 0 ? t.inside : `${incident.nearestSite.distanceKm.toFixed(1)} km`}</span>
              )}
            </>
          ) : (
            <span className="muted">{t.none}</span>
          )}
        </Field>
      </dl>
      <ReplayFromReport reportedAt={incident.reportedAt} />
      <IncidentDispatch incident={incident} canManage={canManage} />
      <IncidentTimeline id={incident.id} updatedAt={incident.updatedAt} />
    </div>
  );
}
