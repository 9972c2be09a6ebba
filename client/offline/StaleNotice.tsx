import { useEffect, useState } from 'react';
import { useOps } from '../state/context.js';
import { useLang } from '../i18n/lang.js';
import { mapDataStaleSince, staleNoticeText, useOfflineCopy } from './state.js';
import './offline.css';

/**
 * Says plainly, at the foot of the map, when the map was drawn from the offline copy kept by
 * the browser (the link was down when the page opened): as of when, and that no position is
 * live. Goes away by itself once fresh answers have come in.
 */
export function StaleNotice() {
  const staleSince = useOfflineCopy(mapDataStaleSince);
  const link = useOps((s) => s.link.state);
  const lang = useLang();
  // Re-read once a minute so a copy that crosses midnight gains its date.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (staleSince === null) return;
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, [staleSince]);
  const text = staleNoticeText(staleSince, link, now, lang);
  if (!text) return null;
  return (
    <div className="stale-notice" role="status" aria-live="polite" data-testid="stale-notice" data-link={link}>
      <span className="stale-notice-headline">{text.headline}</span>
      <span className="stale-notice-detail">{text.detail}</span>
    </div>
  );
}
