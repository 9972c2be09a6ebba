import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT } from '../patrols/draft.js';
import { initialState, type OpsState } from '../state/store.js';
import { escapeTarget, openOrder, type PanelFlag } from './escape.js';
import { INITIAL_WORKSTATION } from './state.js';

const state = (over: Partial<OpsState>): OpsState => ({ ...initialState(), ...over });

describe('the order lists were opened in', () => {
  it('puts a list just opened last, and drops closed ones', () => {
    let order: PanelFlag[] = [];
    order = openOrder(order, state({ unitsPanelOpen: true }));
    expect(order).toEqual(['unitsPanelOpen']);
    order = openOrder(order, state({ unitsPanelOpen: true, alertsPanelOpen: true }));
    expect(order).toEqual(['unitsPanelOpen', 'alertsPanelOpen']);
    order = openOrder(order, state({ unitsPanelOpen: true, alertsPanelOpen: true, incidentsPanelOpen: true }));
    expect(order).toEqual(['unitsPanelOpen', 'alertsPanelOpen', 'incidentsPanelOpen']);
    order = openOrder(order, state({ alertsPanelOpen: true, incidentsPanelOpen: true }));
    expect(order).toEqual(['alertsPanelOpen', 'incidentsPanelOpen']);
    // Reopened: on top again.
    order = openOrder(order, state({ alertsPanelOpen: true, incidentsPanelOpen: true, unitsPanelOpen: true }));
    expect(order).toEqual(['alertsPanelOpen', 'incidentsPanelOpen', 'unitsPanelOpen']);
  });
});

describe('what Escape closes', () => {
  const everything = state({
    unitsPanelOpen: true,
    incidentsPanelOpen: true,
    selection: { kind: 'incident', id: 'x' },
    workstation: { ...INITIAL_WORKSTATION, helpOpen: true, goToOpen: true, measure: [] },
  });

  it('closes one thing at a time, the topmost first', () => {
    const order: PanelFlag[] = ['unitsPanelOpen', 'incidentsPanelOpen'];
    expect(escapeTarget(everything, order)).toEqual({ close: 'help' });
    const noHelp = { ...everything, workstation: { ...everything.workstation, helpOpen: false } };
    expect(escapeTarget(noHelp, order)).toEqual({ close: 'goTo' });
    const noGoTo = { ...noHelp, workstation: { ...noHelp.workstation, goToOpen: false } };
    expect(escapeTarget(noGoTo, order)).toEqual({ close: 'measure' });
    const noMeasure = { ...noGoTo, workstation: { ...noGoTo.workstation, measure: null } };
    // The details panel closes itself on Escape.
    expect(escapeTarget(noMeasure, order)).toEqual({ close: 'theirs' });
    const noDetails = { ...noMeasure, selection: null };
    expect(escapeTarget(noDetails, order)).toEqual({ close: 'panel', flag: 'incidentsPanelOpen' });
    expect(escapeTarget({ ...noDetails, incidentsPanelOpen: false }, order)).toEqual({ close: 'panel', flag: 'unitsPanelOpen' });
    expect(escapeTarget(state({}), [])).toEqual({ close: 'nothing' });
  });

  it('leaves a menu dropped from the header to close itself', () => {
    const measuring = state({ workstation: { ...INITIAL_WORKSTATION, measure: [] } });
    expect(escapeTarget(measuring, [], true)).toEqual({ close: 'theirs' });
    expect(escapeTarget(measuring, [], false)).toEqual({ close: 'measure' });
  });

  it('never throws away a report or a patrol plan being filled in', () => {
    expect(escapeTarget(state({ unitsPanelOpen: true, incidentDraft: { stage: 'form', at: null } }), ['unitsPanelOpen'])).toEqual({ close: 'theirs' });
    expect(escapeTarget(state({ patrolsPanelOpen: true, patrolDraft: EMPTY_DRAFT }), ['patrolsPanelOpen'])).toEqual({ close: 'theirs' });
  });
});
