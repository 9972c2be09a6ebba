import { jubaTime } from '../format/time.js';
import { useOps } from '../state/context.js';

/**
 * Across the map while the feed is down, so nobody mistakes an old picture for a live one.
 * The header indicator says the same in small; this says it from across the room.
 */
export function LinkBanner() {
  const link = useOps((s) => s.link);
  const loadError = useOps((s) => s.loadError);
  if (link.state === 'connected' && !loadError) return null;
  if (link.state === 'connected' || (!link.everConnected && link.state === 'reconnecting')) {
    return loadError ? (
      <div className="banner banner-warn" role="alert">
        {loadError}
      </div>
    ) : null;
  }
  const asOf = link.lastUpdate === null ? '' : ` Positions shown are as of ${jubaTime(link.lastUpdate)} Juba.`;
  return (
    <div className={`banner banner-${link.state}`} role="alert" data-testid="link-banner">
      {link.state === 'offline' ? 'NO LINK TO THE SERVER.' : 'LINK LOST — RECONNECTING.'}
      {asOf}
    </div>
  );
}
