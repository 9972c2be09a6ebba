import type { Unit } from '../../../shared/units.js';
import { fieldOfficeName, linkStatusLabel, unitTypeLabel } from '../../format/labels.js';
import { lastSeen } from '../../format/time.js';
import { useLang } from '../../i18n/lang.js';
import { useMessages } from '../../i18n/messages.js';
import { trackerMessages } from '../messages.js';

/** The units on the roster, as the server knows them now. */
export function UnitRosterTable({ units, now }: { units: readonly Unit[]; now: number }) {
  const sorted = [...units].sort((a, b) => a.id.localeCompare(b.id));
  const lang = useLang();
  const t = useMessages(trackerMessages);
  return (
    <div className="table-scroll">
      <table className="admin-table" data-testid="units-table">
        <thead>
          <tr>
            <th>{t.unitId}</th>
            <th>{t.callsign}</th>
            <th>{t.type}</th>
            <th>{t.fieldOffice}</th>
            <th>{t.link}</th>
            <th>{t.lastReport}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((unit) => (
            <tr key={unit.id} data-testid={`unit-row-${unit.id}`}>
              <td className="mono">{unit.id}</td>
              <td>{unit.callsign}</td>
              <td>{unitTypeLabel(unit.type, lang)}</td>
              <td>{fieldOfficeName(unit.fieldOffice)}</td>
              <td>
                <span className={`chip chip-status-${unit.status}`}>{linkStatusLabel(unit.status, lang)}</span>
              </td>
              <td className="muted">{unit.last ? lastSeen(unit.last.time, now, lang) : t.never}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
