import type { AuditEntry } from '../../../shared/auth.js';
import { useLang } from '../../i18n/lang.js';
import { useMessages } from '../../i18n/messages.js';
import { detailsText, jubaStamp, utcStamp } from '../format.js';
import { auditMessages } from '../messages.js';

/** The audit log, newest first, each time in UTC and on the clock in Juba. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const lang = useLang();
  const t = useMessages(auditMessages);
  return (
    <table className="admin-table audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th>{t.timeUtc}</th>
          <th>{t.jubaTime}</th>
          <th>{t.actor}</th>
          <th>{t.action}</th>
          <th>{t.target}</th>
          <th>{t.outcome}</th>
          <th>{t.details}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq} data-testid="audit-row" data-seq={e.seq}>
            <td className="mono nowrap">{utcStamp(e.time)}</td>
            <td className="mono nowrap">{jubaStamp(e.time, lang)}</td>
            <td>{e.actor}</td>
            <td className="mono nowrap">{e.action}</td>
            <td className="wrap">{e.target ?? ''}</td>
            <td>
              <span className={`chip chip-outcome-${e.outcome}`}>{t.outcomeWord(e.outcome)}</span>
            </td>
            <td className="wrap details">{detailsText(e.details)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
