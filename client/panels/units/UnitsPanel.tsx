import { useCallback, useState } from 'react';
import { useOps, useOpsStore } from '../../state/context.js';
import { StatusCountsBar } from './StatusCountsBar.js';
import { NO_FILTER, type UnitListFilter } from './unitList.js';
import { UNIT_ROW_HEIGHT, UnitRow } from './UnitRow.js';
import { UnitsFilters } from './UnitsFilters.js';
import { useUnitList } from './useUnitList.js';
import { VirtualList } from './VirtualList.js';
import { useMessages } from '../../i18n/messages.js';
import { panelMessages } from '../messages.js';
import './units.css';

/** Every unit in one list beside the map, worst news first; a row selects its unit and flies to it. */
export function UnitsPanel() {
  const t = useMessages(panelMessages);
  const store = useOpsStore();
  const [filter, setFilter] = useState<UnitListFilter>(NO_FILTER);
  const { list, now } = useUnitList(filter);
  const selectedId = useOps((s) => (s.selection?.kind === 'unit' ? s.selection.id : null));
  const select = useCallback(
    (unitId: string) => store.setState({ selection: { kind: 'unit', id: unitId }, focusRequest: { unitId } }),
    [store],
  );
  const close = () => store.setState({ unitsPanelOpen: false });
  const filtered = list.rows.length !== list.counts.total;

  return (
    <aside className="side-panel units-panel" data-testid="units-panel" aria-label={t.units}>
      <div className="units-head">
        <h2>{t.units}</h2>
        <span className="units-total muted" data-testid="units-shown" data-count={list.rows.length}>
          {filtered ? t.nOfTotal(list.rows.length, list.counts.total) : list.counts.total}
        </span>
        <button type="button" className="panel-close units-close" onClick={close} aria-label={t.closeUnits} title={t.closeU}>
          ×
        </button>
      </div>
      <StatusCountsBar counts={list.counts} active={filter.status} onPick={(status) => setFilter({ ...filter, status })} />
      <UnitsFilters filter={filter} onChange={setFilter} />
      {list.rows.length === 0 ? (
        <p className="units-empty muted">{list.counts.total === 0 ? t.noUnits : t.noUnitMatches}</p>
      ) : (
        <VirtualList
          className="units-list"
          label={t.units}
          items={list.rows}
          rowHeight={UNIT_ROW_HEIGHT}
          keyOf={(row) => row.id}
          renderRow={(row) => <UnitRow row={row} now={now} selected={row.id === selectedId} onSelect={select} />}
        />
      )}
    </aside>
  );
}
