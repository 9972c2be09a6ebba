import { AlertsButton } from '../alerts/AlertsButton.js';
import { ReportButton } from '../incidents/ReportButton.js';
import { SoundControl } from '../alerts/sound/SoundControl.js';
import { Clocks } from './Clocks.js';
import { LinkIndicator } from './LinkIndicator.js';
import { useWallView } from '../session/context.js';
import { UnitCount } from './UnitCount.js';
import { UnitsButton } from './UnitsButton.js';
import { PatrolsButton } from '../patrols/PatrolsButton.js';
import { ReplayButton } from '../replay/ReplayButton.js';
import { IncidentsButton } from '../panels/incidents/IncidentsButton.js';
import { ToolButtons } from '../workstation/ToolButtons.js';
import { ExportMenu } from '../export/ExportMenu.js';
import { UserMenu } from './UserMenu.js';
import { useServerNow } from './useNow.js';
import { useMessages } from '../i18n/messages.js';
import { chromeMessages } from './messages.js';
import './chrome.css';

/** The product's name in English, for places outside the language choice. */
export const PRODUCT_NAME = chromeMessages.en.productName;

export function Header() {
  const now = useServerNow(1_000);
  const wall = useWallView();
  const t = useMessages(chromeMessages);
  return (
    <header className="header">
      <div className="brand">
        <span className="brand-badge" aria-hidden="true">
          UN
        </span>
        <h1 className="brand-name" title={t.productName}>
          <span className="brand-full">{t.productName}</span>
          {/* A desk's header is full of controls: the short name fits where the full one would be cut. */}
          <span className="brand-short">{t.productShort}</span>
        </h1>
      </div>
      <UnitCount now={now} />
      {!wall && <ReportButton />}
      {!wall && <IncidentsButton />}
      {!wall && <UnitsButton />}
      {!wall && <PatrolsButton />}
      {!wall && <ReplayButton />}
      {!wall && <AlertsButton />}
      {!wall && <ToolButtons />}
      {!wall && <ExportMenu />}
      {!wall && <SoundControl wall={false} />}
      <Clocks now={now} />
      <LinkIndicator />
      <UserMenu />
    </header>
  );
}
