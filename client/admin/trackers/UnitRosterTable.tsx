import type { Unit } from '../../../shared/units.js';
import { fieldOfficeName, STATUS_LABEL, UNIT_TYPE_LABEL } from '../../format/labels.js';
import { lastSeen } from '../../format/time.js';

/** The units on the roster, as the server knows them now. */
export function UnitRosterTable({ units, now }: { units: readonly Unit[]; now: number }) {
  const sorted = [...units].sort((a, b) => a.id.localeCompare(b.id));
  return (
    <div className="table-scroll">
      <table className="admin-table" data-testid="units-table">
        <thead>
          <tr>
            <th>Unit id</th>
            <th>Callsign</th>
            <th>Type</th>
            <th>Field office</th>
            <th>Link</th>
            <th>Last report</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((unit) => (
            <tr key={unit.id} data-testid={`unit-row-${unit.id}`}>
              <td className="mono">{unit.id}</td>
              <td>{unit.callsign}</td>
              <td>{UNIT_TYPE_LABEL[unit.type]}</td>
              <td>{fieldOfficeName(unit.fieldOffice)}</td>
              <td>
                <span className={`chip chip-status-${unit.status}`}>{STATUS_LABEL[unit.status]}</span>
              </td>
              <td className="muted">{unit.last ? lastSeen(unit.last.time, now) : 'never'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
