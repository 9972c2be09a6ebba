import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { AuditEntry } from '../../../shared/auth.js';
import { sentence } from '../../format/sentence.js';
import { useMessages } from '../../i18n/messages.js';
import { useSession } from '../../session/context.js';
import { auditMessages } from '../messages.js';
import { AuditTable } from './AuditTable.js';
import { actionChoices, appendOlder, AUDIT_PAGE, auditQuery, oldestSeq } from './paging.js';

const AuditPage = z.array(AuditEntry);

interface Shown {
  entries: AuditEntry[];
  /** false once a page came back short: nothing older is left */
  more: boolean;
}

/** Who did what, newest first: filter by action, page back, export as CSV. */
export function AuditTab() {
  const session = useSession();
  const [action, setAction] = useState('');
  const [shown, setShown] = useState<Shown>({ entries: [], more: false });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Only the latest request may change the table (a filter changed mid-flight).
  const latest = useRef(0);
  const t = useMessages(auditMessages);

  const load = useCallback(
    async (older: boolean) => {
      const ticket = ++latest.current;
      setLoading(true);
      setError(null);
      try {
        const before = older ? oldestSeq(shown.entries) : undefined;
        const page = await session.get(`/api/admin/audit?${auditQuery({ action, before })}`, AuditPage);
        if (ticket !== latest.current) return;
        setShown({ entries: older ? appendOlder(shown.entries, page) : page, more: page.length === AUDIT_PAGE });
      } catch (err) {
        if (ticket === latest.current) setError(sentence(err instanceof Error ? err.message : String(err)));
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    },
    [session, action, shown.entries],
  );

  // A new filter starts again from the newest entry (and only a new filter: `load` changes with every page).
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    void loadRef.current(false);
  }, [action]);

  const csvHref = `/api/admin/audit.csv${action ? `?${new URLSearchParams({ action }).toString()}` : ''}`;

  return (
    <div className="admin-section">
      <div className="admin-block">
        <div className="block-head audit-controls">
          <h3>{t.title}</h3>
          <label className="inline-field">
            <span>{t.action}</span>
            <select data-testid="audit-action" value={action} onChange={(e) => setAction(e.target.value)}>
              <option value="">{t.allActions}</option>
              {actionChoices(shown.entries).map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" data-testid="audit-refresh" onClick={() => void load(false)} disabled={loading}>
            {t.refresh}
          </button>
          <a className="button" href={csvHref} download="audit-log.csv" data-testid="audit-export">
            {t.exportCsv}
          </a>
        </div>
        {error && (
          <p className="form-status form-error" role="alert">
            {error}
          </p>
        )}
        <AuditTable entries={shown.entries} />
        <div className="audit-foot">
          {shown.more ? (
            <button type="button" className="button" data-testid="audit-older" onClick={() => void load(true)} disabled={loading}>
              {loading ? t.loading : t.loadOlder}
            </button>
          ) : (
            !loading && <span className="muted">{shown.entries.length === 0 ? t.noEntries : t.startOfLog}</span>
          )}
          <span className="muted">{t.shown(shown.entries.length)}</span>
        </div>
      </div>
    </div>
  );
}
