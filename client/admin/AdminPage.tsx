import type { ReactNode } from 'react';
import type { AdminTab } from '../routing/route.js';
import { navigate } from '../routing/useRoute.js';
import { useMe } from '../session/context.js';
import { useMessages } from '../i18n/messages.js';
import { tabsFor, tabToShow } from './access.js';
import { AuditTab } from './audit/AuditTab.js';
import { adminMessages } from './messages.js';
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
  const t = useMessages(adminMessages);

  return (
    <section className="admin-page" data-testid="admin-page" aria-label={t.administration}>
      <div className="admin-inner">
        <div className="admin-head">
          <h2>{t.administration}</h2>
          <div className="tabs" role="tablist" aria-label={t.administration}>
            {allowed.map((tabId) => (
              <button
                key={tabId}
                type="button"
                role="tab"
                id={`admin-tab-${tabId}`}
                aria-selected={tabId === tab}
                aria-controls="admin-panel"
                className={`tab${tabId === tab ? ' tab-active' : ''}`}
                data-testid={TAB_TEST_ID[tabId]}
                onClick={() => navigate({ page: 'admin', tab: tabId })}
              >
                {t.tab(tabId)}
              </button>
            ))}
          </div>
        </div>
        <div className="admin-body" role="tabpanel" id="admin-panel" aria-labelledby={tab ? `admin-tab-${tab}` : undefined}>
          {tab ? (
            // Keyed so each tab starts fresh, with its own loading.
            <div key={tab}>{tabBody(tab)}</div>
          ) : (
            <p className="muted">{t.noRights}</p>
          )}
        </div>
      </div>
    </section>
  );
}
