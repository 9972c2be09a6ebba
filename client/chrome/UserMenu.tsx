import { tabsFor } from '../admin/access.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { roleLabel } from '../format/labels.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { chromeMessages } from './messages.js';
import { navigate, useRoute } from '../routing/useRoute.js';
import { useMe, useSession, useWallView } from '../session/context.js';

/** Who is signed in, the way to the admin page for those allowed, and signing out. */
export function UserMenu() {
  const lang = useLang();
  const t = useMessages(chromeMessages);
  const me = useMe();
  const session = useSession();
  const wall = useWallView();
  const route = useRoute();
  if (!me) return null;
  const identity = (
    <div className="who" data-testid="signed-in-as">
      <span className="who-name">{me.name}</span>
      <span className="who-role">{me.kind === 'wall' ? t.wallDisplay : roleLabel(me.role, lang)}</span>
    </div>
  );
  // A wall display has nobody at the keyboard: no buttons.
  if (wall) return <div className="user-menu">{identity}</div>;

  const mayAdminister = tabsFor(me).length > 0;
  const onAdmin = route.page === 'admin';
  const signOut = () => {
    void session.signOut().then(() => navigate({ page: 'map' }, { replace: true }));
  };
  return (
    <div className="user-menu">
      {identity}
      <LanguageSwitch compact />
      {/* Admin (or back to the map) above Sign out, so that a full desk header keeps to one row. */}
      <div className={`user-menu-actions${mayAdminister ? ' user-menu-actions-two' : ''}`}>
        {mayAdminister &&
        (onAdmin ? (
          <button type="button" className="button" data-testid="open-map" onClick={() => navigate({ page: 'map' })}>
            {t.map}
          </button>
        ) : (
          <button type="button" className="button" data-testid="open-admin" title={t.adminTitle} onClick={() => navigate({ page: 'admin', tab: null })}>
            {t.admin}
          </button>
        ))}
        <button type="button" className="button" data-testid="signout" onClick={signOut}>
          {t.signOut}
        </button>
      </div>
    </div>
  );
}
