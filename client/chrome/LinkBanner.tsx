import { useOps } from '../state/context.js';
import { useLang } from '../i18n/lang.js';
import { linkBannerText } from './linkBannerText.js';

/**
 * Across the map while the feed is down, so nobody mistakes an old picture for a live one: since
 * when the link has been lost, in Juba time. It goes by itself when the feed is back. The header
 * indicator says the same in small; this says it from across the room.
 */
export function LinkBanner() {
  const link = useOps((s) => s.link);
  const offset = useOps((s) => s.clockOffsetMs);
  const loadError = useOps((s) => s.loadError);
  const lang = useLang();
  const text = linkBannerText(link, offset, loadError, lang);
  if (!text) return null;
  if (text.tone === 'warn') {
    return (
      <div className="banner banner-warn" role="alert">
        {text.headline}
      </div>
    );
  }
  return (
    <div className={`banner banner-${text.tone}`} role="alert" data-testid="link-banner" data-state={link.state}>
      <div className="banner-headline" data-testid="link-banner-headline">
        {text.headline}
      </div>
      {text.detail && <div className="banner-detail">{text.detail}</div>}
    </div>
  );
}
