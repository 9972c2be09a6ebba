import { useEffect } from 'react';
import { useOps, useOpsStore } from '../state/context.js';
import { findSite } from '../state/selection.js';
import { IncidentDetails } from './IncidentDetails.js';
import { SiteDetails } from './SiteDetails.js';
import { UnitDetails } from './UnitDetails.js';
import { useMessages } from '../i18n/messages.js';
import { panelMessages } from './messages.js';

/** The side panel for whatever was clicked; Escape or × closes it. */
export function DetailsPanel() {
  const t = useMessages(panelMessages);
  const store = useOpsStore();
  const selection = useOps((s) => s.selection);
  const unit = useOps((s) => (s.selection?.kind === 'unit' ? s.units.get(s.selection.id) : undefined));
  const incident = useOps((s) => (s.selection?.kind === 'incident' ? s.incidents.get(s.selection.id) : undefined));
  const pack = useOps((s) => s.pack);
  const close = () => store.setState({ selection: null });

  useEffect(() => {
    if (!selection) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') store.setState({ selection: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, store]);

  if (!selection) return null;
  const site = selection.kind === 'site' && pack ? findSite(pack, selection.collection, selection.id) : null;
  const body = unit ? (
    <UnitDetails unit={unit} />
  ) : incident ? (
    <IncidentDetails incident={incident} />
  ) : site ? <SiteDetails site={site} /> : <p className="muted">{t.noLongerOnMap}</p>;

  return (
    <aside className="panel" data-testid="details-panel" data-kind={selection.kind} aria-label={t.details}>
      <button type="button" className="panel-close" onClick={close} aria-label={t.closeDetails} title={t.closeEsc}>
        ×
      </button>
      {body}
    </aside>
  );
}
