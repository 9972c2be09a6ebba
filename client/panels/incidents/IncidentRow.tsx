import { memo } from 'react';
import type { IncidentSummary } from '../../../shared/incidents.js';
import { fieldOfficeName } from '../../format/labels.js';
import { lastSeen } from '../../format/time.js';
import { CATEGORY_LABEL, SEVERITY_LABEL, STATUS_LABEL } from '../../incidents/categories.js';
import { IncidentDiamond } from '../IncidentLegend.js';
import { isOpen } from './incidentList.js';

export const INCIDENT_ROW_HEIGHT = 60;

interface IncidentRowProps {
  incident: IncidentSummary;
  /** server time, epoch ms */
  now: number;
  selected: boolean;
  onSelect: (incidentId: string) => void;
}

/** One incident in the list: what, how bad, where it stands, where and how long ago. */
export const IncidentRow = memo(function IncidentRow({ incident, now, selected, onSelect }: IncidentRowProps) {
  const office = incident.fieldOffice ? fieldOfficeName(incident.fieldOffice) : 'no field office';
  const open = isOpen(incident.status);
  return (
    <button
      type="button"
      className={`incident-row${open ? '' : ' incident-row-done'}`}
      data-testid={`incident-row-${incident.id}`}
      data-status={incident.status}
      data-severity={incident.severity}
      data-category={incident.category}
      aria-current={selected ? 'true' : undefined}
      title={`${CATEGORY_LABEL[incident.category]}: ${incident.title}`}
      onClick={() => onSelect(incident.id)}
    >
      <span className="incident-row-line">
        <IncidentDiamond category={incident.category} dim={!open} />
        <span className="incident-row-title">{incident.title}</span>
        <span className={`chip chip-small chip-incident-${incident.status} incident-row-status`}>{STATUS_LABEL[incident.status]}</span>
      </span>
      <span className="incident-row-line incident-row-sub">
        <span className={`incident-row-severity incident-severity-${incident.severity}`}>
          {incident.severity} {SEVERITY_LABEL[incident.severity]}
        </span>
        <span className="incident-row-office">
          {office}
          {incident.sensitive && ' · need-to-know'}
        </span>
        <span className="incident-row-age">{lastSeen(incident.reportedAt, now)}</span>
      </span>
    </button>
  );
});
