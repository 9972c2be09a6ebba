import { lazy, Suspense } from 'react';
import { AlertBanner } from './alerts/AlertBanner.js';
import { AlertsPanel } from './alerts/AlertsPanel.js';
import { AlarmWatcher } from './alerts/sound/AlarmWatcher.js';
import { SoundControl } from './alerts/sound/SoundControl.js';
import { SoundProvider } from './alerts/sound/SoundContext.js';
import { Header } from './chrome/Header.js';
import { LinkBanner } from './chrome/LinkBanner.js';
import { useServerNow } from './chrome/useNow.js';
import { jubaMonthNumber } from './format/time.js';
import { CorridorsLayer } from './map/layers/CorridorsLayer.js';
import { IncidentsLayer } from './map/layers/IncidentsLayer.js';
import { ReportPlacing } from './map/layers/ReportPlacing.js';
import { ReportForm } from './incidents/ReportForm.js';
import { ReportHint } from './incidents/ReportHint.js';
import { MapPicking } from './map/layers/MapPicking.js';
import { PatrolPlacing } from './map/layers/PatrolPlacing.js';
import { PatrolsLayer } from './map/layers/PatrolsLayer.js';
import { PatrolsPanel } from './patrols/PatrolsPanel.js';
import { MapReady } from './map/layers/MapReady.js';
import { SitesLayer } from './map/layers/SitesLayer.js';
import { TrailsLayer } from './map/layers/TrailsLayer.js';
import { UnitFocus } from './map/layers/UnitFocus.js';
import { UnitsLayer } from './map/layers/UnitsLayer.js';
import { MapView } from './map/MapView.js';
import { SnapshotSource } from './export/mapHandle.js';
import { StaleNotice } from './offline/StaleNotice.js';
import { ReplayMode } from './replay/ReplayMode.js';
import { DetailsPanel } from './panels/DetailsPanel.js';
import { LayerSwitcher } from './panels/LayerSwitcher.js';
import { UnitsPanel } from './panels/units/UnitsPanel.js';
import { IncidentsPanel } from './panels/incidents/IncidentsPanel.js';
import { WorkstationMap } from './workstation/WorkstationMap.js';
import { WorkstationTools } from './workstation/WorkstationTools.js';
import { useRoute } from './routing/useRoute.js';
import { tabsFor } from './admin/access.js';
import { useMe, useWallView } from './session/context.js';
import { WallMap } from './wall/WallMap.js';
import { WallPanels } from './wall/WallPanels.js';
import { useOps } from './state/context.js';

// Only administrators open it: the rest never download it.
const AdminPage = lazy(() => import('./admin/AdminPage.js').then((m) => ({ default: m.AdminPage })));

/**
 * The dashboard: header bar, the map filling the rest, units list, layer switcher, details
 * panel, alert banner and queue; the admin page over the map, which keeps running beneath.
 * A wall display gets the picture and the alert banner only.
 */
export function App({ exposeMapForTests }: { exposeMapForTests: boolean }) {
  const wall = useWallView();
  const route = useRoute();
  const me = useMe();
  // Someone without admin rights who follows an /admin address just sees the map.
  const showAdmin = !wall && route.page === 'admin' && tabsFor(me).length > 0;
  // Replay (the map as it was) is opened at a desk; the live state runs on underneath.
  const replaying = useOps((s) => s.replay !== null);
  const tilesUrl = useOps((s) => s.config?.tilesUrl);
  const basemap = useOps((s) => s.basemap);
  const pack = useOps((s) => s.pack);
  const layers = useOps((s) => s.layers);
  const selectedUnitId = useOps((s) => (s.selection?.kind === 'unit' ? s.selection.id : null));
  const selectedIncidentId = useOps((s) => (s.selection?.kind === 'incident' ? s.selection.id : null));
  // Reporting is for people at a desk with the right: never on a wall display.
  const canReport = !wall && (me?.permissions.includes('incidents:report') ?? false);
  const draft = useOps((s) => s.incidentDraft);
  // The list of units is for people at a desk; a wall display shows the map alone.
  const showUnits = useOps((s) => s.unitsPanelOpen) && !wall && !showAdmin;
  // So is the alert queue; the banner above the map is on every screen.
  const showAlerts = useOps((s) => s.alertsPanelOpen) && !wall && !showAdmin;
  // Patrol orders are listed and planned at a desk; their routes are drawn on every screen.
  const showPatrols = useOps((s) => s.patrolsPanelOpen) && !wall && !showAdmin;
  const placingCheckpoints = useOps((s) => s.patrolDraft?.placing === true) && showPatrols;
  // The incidents list and the map tools (measure, go to, position readout) are for a desk too.
  const showIncidents = useOps((s) => s.incidentsPanelOpen) && !wall && !showAdmin;
  // Corridors brighten in their season; the month is re-read every hour.
  const month = jubaMonthNumber(useServerNow(3_600_000));

  return (
    <SoundProvider>
      <div className="app" data-view={wall ? 'wall' : 'desk'}>
        <AlarmWatcher />
        <Header />
        <AlertBanner />
        <main className="main" data-units-panel={showUnits ? 'open' : 'closed'} data-alerts-panel={showAlerts ? 'open' : 'closed'} data-patrols-panel={showPatrols ? 'open' : 'closed'} data-incidents-panel={showIncidents ? 'open' : 'closed'}>
          <MapView tilesUrl={tilesUrl} basemap={basemap} exposeForTests={exposeMapForTests}>
            <CorridorsLayer pack={pack} month={month} visible={layers.corridors} />
            <SitesLayer
              pack={pack}
              visible={{ offices: layers.offices, pocSites: layers.pocSites, policeStations: layers.policeStations }}
            />
            <TrailsLayer visible={layers.trails} selectedUnitId={selectedUnitId} />
            <IncidentsLayer visible={layers.incidents} labels={layers.incidentLabels} selectedIncidentId={selectedIncidentId} />
            <PatrolsLayer />
            <UnitsLayer
              visible={{ units: layers.units, labels: layers.unitLabels, accuracy: layers.accuracy }}
              selectedUnitId={selectedUnitId}
            />
            {!wall && <MapPicking />}
            {!wall && <UnitFocus />}
            {canReport && draft?.stage === 'placing' && <ReportPlacing />}
            {placingCheckpoints && <PatrolPlacing />}
            {wall && <WallMap />}
            {!wall && <WorkstationMap />}
            {!wall && <SnapshotSource />}
            <MapReady />
          </MapView>
          <LinkBanner />
          {!wall && replaying && <ReplayMode />}
          <StaleNotice />
          {showUnits && <UnitsPanel />}
          {showPatrols && <PatrolsPanel />}
          {showIncidents && <IncidentsPanel />}
          {wall ? <WallPanels /> : <LayerSwitcher />}
          {!wall && draft?.stage !== 'form' && <DetailsPanel />}
          {canReport && draft?.stage === 'placing' && <ReportHint />}
          {canReport && draft?.stage === 'form' && <ReportForm at={draft.at} />}
          {showAlerts && <AlertsPanel />}
          {!wall && !showAdmin && <WorkstationTools />}
          {wall && <SoundControl wall />}
          {showAdmin && route.page === 'admin' && (
            <Suspense fallback={<section className="admin-page" data-testid="admin-loading" aria-busy="true" />}>
              <AdminPage tab={route.tab} />
            </Suspense>
          )}
        </main>
      </div>
    </SoundProvider>
  );
}
