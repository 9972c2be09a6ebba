import { memo } from 'react';
import { useLang } from '../../i18n/lang.js';
import { useMessages } from '../../i18n/messages.js';
import { panelMessages } from '../messages.js';
import { activityLabel, fieldOfficeName, linkStatusLabel, unitTypeShort } from '../../format/labels.js';
import { lastSeen } from '../../format/time.js';
import type { UnitListRow } from './unitList.js';

export const UNIT_ROW_HEIGHT = 58;

interface UnitRowProps {
  row: UnitListRow;
  /** server time, epoch ms */
  now: number;
  selected: boolean;
  onSelect: (unitId: string) => void;
}

/** One unit in the list: who, what, where from, how fresh; a click selects it and flies to it. */
export const UnitRow = memo(function UnitRow({ row, now, selected, onSelect }: UnitRowProps) {
  const lang = useLang();
  const t = useMessages(panelMessages);
  const details = [unitTypeShort(row.type, lang), fieldOfficeName(row.fieldOffice), row.group].filter(Boolean).join(' · ');
  return (
    <button
      type="button"
      className={`unit-row unit-row-${row.status}${row.activity === 'sos' ? ' unit-row-sos' : ''}`}
      data-testid={`unit-row-${row.id}`}
      data-status={row.status}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(row.id)}
    >
      <span className="unit-row-line">
        <span className="unit-row-callsign">{row.callsign}</span>
        {row.activity === 'sos' || row.activity === 'responding' ? (
          <span className={`chip chip-small chip-activity-${row.activity}`}>{activityLabel(row.activity, lang)}</span>
        ) : (
          <span className="unit-row-activity muted">{activityLabel(row.activity, lang)}</span>
        )}
        {row.implausible && (
          <span className="unit-row-implausible" title={t.lastFixImplausible}>
            !
          </span>
        )}
        <span className={`chip chip-small chip-status-${row.status} unit-row-status`}>{linkStatusLabel(row.status, lang)}</span>
      </span>
      <span className="unit-row-line unit-row-sub">
        <span className="unit-row-details">{details}</span>
        <span className="unit-row-seen">{row.lastTime === null ? t.never : lastSeen(row.lastTime, now, lang)}</span>
      </span>
    </button>
  );
});
