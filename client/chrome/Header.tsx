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

export const PRODUCT_NAME = 'UNPOL Operations Map — UNMISS';

export function Header() {
  const now = useServerNow(1_000);
  const wall = useWallView();
  return (
    <header className="header">
      <div className="brand">
        <span className="brand-badge" aria-hidden="true">
          UN
        </span>
        <h1 className="brand-name" title={PRODUCT_NAME}>
          <span className="brand-full">{PRODUCT_NAME}</span>
          {/* A desk's header is full of controls: the short name fits where the full one would be cut. */}
          <span className="brand-short">UNPOL Ops</span>
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
