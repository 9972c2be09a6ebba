import { memo } from 'react';
import type { IncidentSummary } from '../../../shared/incidents.js';
import { fieldOfficeName } from '../../format/labels.js';
import { lastSeen } from '../../format/time.js';
import { useLang } from '../../i18n/lang.js';
import { useMessages } from '../../i18n/messages.js';
import { panelMessages } from '../messages.js';
import { categoryLabel, incidentStatusLabel, severityLabel } from '../../incidents/categories.js';
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
  const lang = useLang();
  const t = useMessages(panelMessages);
  const office = incident.fieldOffice ? fieldOfficeName(incident.fieldOffice) : t.noFieldOffice;
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
      title={`${categoryLabel(incident.category, lang)}${lang === 'fr' ? ' : ' : ': '}${incident.title}`}
      onClick={() => onSelect(incident.id)}
    >
      <span className="incident-row-line">
        <IncidentDiamond category={incident.category} dim={!open} />
        <span className="incident-row-title">{incident.title}</span>
        <span className={`chip chip-small chip-incident-${incident.status} incident-row-status`}>{incidentStatusLabel(incident.status, lang)}</span>
      </span>
      <span className="incident-row-line incident-row-sub">
        <span className={`incident-row-severity incident-severity-${incident.severity}`}>
          {incident.severity} {severityLabel(incident.severity, lang)}
        </span>
        <span className="incident-row-office">
          {office}
          {incident.sensitive && t.needToKnowTag}
        </span>
        <span className="incident-row-age">{lastSeen(incident.reportedAt, now, lang)}</span>
      </span>
    </button>
  );
});
