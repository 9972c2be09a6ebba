import { KpiStrip } from './KpiStrip.js';
import { WallLegend } from './WallLegend.js';

/** The wall's figures beside the map and its legend over it. */
export function WallPanels() {
  return (
    <>
      <KpiStrip />
      <WallLegend />
    </>
  );
}
