import type { ReactNode } from 'react';
import type { AdminTab } from '../routing/route.js';
import { navigate } from '../routing/useRoute.js';
import { useMe } from '../session/context.js';
import { TAB_LABEL, tabsFor, tabToShow } from './access.js';
import { AuditTab } from './audit/AuditTab.js';
import { TrackersTab } from './trackers/TrackersTab.js';
import { UsersTab } from './users/UsersTab.js';
import { WallLinksTab } from './walls/WallLinksTab.js';
import './admin.css';

const TAB_TEST_ID: Record<AdminTab, string> = {
  users: 'admin-tab-users',
  trackers: 'admin-tab-trackers',
  walls: 'admin-tab-walls',
  audit: 'admin-tab-audit',
};

function tabBody(tab: AdminTab): ReactNode {
  switch (tab) {
    case 'users':
      return <UsersTab />;
    case 'trackers':
      return <TrackersTab />;
    case 'walls':
      return <WallLinksTab />;
    case 'audit':
      return <AuditTab />;
  }
}

/** Administration over the map: users, trackers, wall links and the audit log, one tab each. */
export function AdminPage({ tab: asked }: { tab: AdminTab | null }) {
  const me = useMe();
  const allowed = tabsFor(me);
  const tab = tabToShow(asked, allowed);

  return (
    <section className="admin-page" data-testid="admin-page" aria-label="Administration">
      <div className="admin-inner">
        <div className="admin-head">
          <h2>Administration</h2>
          <div className="tabs" role="tablist" aria-label="Administration">
            {allowed.map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                id={`admin-tab-${t}`}
                aria-selected={t === tab}
                aria-controls="admin-panel"
                className={`tab${t === tab ? ' tab-active' : ''}`}
                data-testid={TAB_TEST_ID[t]}
                onClick={() => navigate({ page: 'admin', tab: t })}
              >
                {TAB_LABEL[t]}
              </button>
            ))}
          </div>
        </div>
        <div className="admin-body" role="tabpanel" id="admin-panel" aria-labelledby={tab ? `admin-tab-${tab}` : undefined}>
          {tab ? (
            // Keyed so each tab starts fresh, with its own loading.
            <div key={tab}>{tabBody(tab)}</div>
          ) : (
            <p className="muted">Your role has no administration rights.</p>
          )}
        </div>
      </div>
    </section>
  );
}
