import { useMessages } from '../../i18n/messages.js';
import { trackerMessages } from '../messages.js';

/** How a tracker or gateway uses its token, with the unit filled in. */
export function TokenHowTo({ unitId }: { unitId: string }) {
  const t = useMessages(trackerMessages);
  const example = JSON.stringify({ reports: [{ unitId, time: '2026-11-21T14:30:00Z', lat: 4.8594, lon: 31.5713 }] });
  return (
    <div className="how-to">
      <p>
        {t.howToSend} <code>POST /api/positions</code> {t.howToWith} <code>Authorization: Bearer &lt;token&gt;</code>. {t.howToOnly(unitId)}
      </p>
      <pre className="mono">{`POST ${window.location.origin}/api/positions
Authorization: Bearer <token>
Content-Type: application/json

${example}`}</pre>
    </div>
  );
}
