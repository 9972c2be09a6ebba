import type { AuditEntry } from '../../../shared/auth.js';
import { detailsText, jubaStamp, utcStamp } from '../format.js';

/** The audit log, newest first, each time in UTC and on the clock in Juba. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <table className="admin-table audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th>Time (UTC)</th>
          <th>Juba time</th>
          <th>Actor</th>
          <th>Action</th>
          <th>Target</th>
          <th>Outcome</th>
          <th>Details</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq} data-testid="audit-row" data-seq={e.seq}>
            <td className="mono nowrap">{utcStamp(e.time)}</td>
            <td className="mono nowrap">{jubaStamp(e.time)}</td>
            <td>{e.actor}</td>
            <td className="mono nowrap">{e.action}</td>
            <td className="wrap">{e.target ?? ''}</td>
            <td>
              <span className={`chip chip-outcome-${e.outcome}`}>{e.outcome}</span>
            </td>
            <td className="wrap details">{detailsText(e.details)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
