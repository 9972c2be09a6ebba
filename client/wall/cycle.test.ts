import { describe, expect, it } from 'vitest';
import { cycleSecondsFrom, DEFAULT_CYCLE_S, focusedSpot, initialCycle, MISSION, nextView, takeFocus } from './cycle.js';
import type { Hotspot } from './hotspots.js';

const spot = (key: string): Hotspot => ({ key, kind: 'incident', label: key, lon: 31, lat: 7, zoom: 10 });
const a = spot('a');
const b = spot('b');
const c = spot('c');

describe('cycleSecondsFrom', () => {
  it('reads the pace from the address, 0 for off, within sensible bounds', () => {
    expect(cycleSecondsFrom('?view=wall')).toBe(DEFAULT_CYCLE_S);
    expect(cycleSecondsFrom('?view=wall&cycle=30')).toBe(30);
    expect(cycleSecondsFrom('?cycle=0')).toBe(0);
    expect(cycleSecondsFrom('?cycle=2')).toBe(8);
    expect(cycleSecondsFrom('?cycle=99999')).toBe(3600);
    expect(cycleSecondsFrom('?cycle=fast')).toBe(DEFAULT_CYCLE_S);
    expect(cycleSecondsFrom('?cycle=-5')).toBe(DEFAULT_CYCLE_S);
  });
});

describe('nextView', () => {
  it('goes from the whole mission to each hot spot in turn, and back to the whole mission between them', () => {
    const seen: string[] = [];
    let state = initialCycle();
    for (let i = 0; i < 7; i++) {
      state = nextView(state, [a, b, c]);
      seen.push(state.focus.kind === 'hotspot' ? state.focus.spot.key : 'mission');
    }
    expect(seen).toEqual(['a', 'mission', 'b', 'mission', 'c', 'mission', 'a']);
  });
  it('stays on the whole mission, as the same state, when there is no hot spot', () => {
    const state = initialCycle();
    expect(nextView(state, [])).toBe(state);
  });
  it('goes on after the last one visited when the list changes', () => {
    let state = nextView(nextView(nextView(initialCycle(), [a, b, c]), [a, b, c]), [a, b, c]);
    expect(state.focus.kind === 'hotspot' && state.focus.spot.key).toBe('b');
    state = nextView(state, [a, b, c]);
    // A new spot at the top does not send the turn back to the start.
    state = nextView(state, [spot('new'), a, b, c]);
    expect(state.focus.kind === 'hotspot' && state.focus.spot.key).toBe('c');
  });
  it('takes the one that slid into the place of a visited spot that has gone', () => {
    let state = nextView(initialCycle(), [a, b, c]);
    state = nextView(state, [a, b, c]);
    state = nextView(state, [b, c]);
    expect(state.focus.kind === 'hotspot' && state.focus.spot.key).toBe('b');
  });
});

describe('takeFocus and focusedSpot', () => {
  it('puts an alert’s place under focus and goes on after it', () => {
    const state = takeFocus(initialCycle(), b, 'alert-1', [a, b, c]);
    expect(state.focus).toEqual({ kind: 'hotspot', spot: b, alertId: 'alert-1' });
    expect(focusedSpot(state.focus, [a, b, c])).toEqual({ spot: b, position: 2 });
    const after = nextView(nextView(state, [a, b, c]), [a, b, c]);
    expect(after.focus.kind === 'hotspot' && after.focus.spot.key).toBe('c');
  });
  it('reads the spot as it is now, and has no position once it has left the list', () => {
    const moved = { ...b, lon: 32 };
    const focus = { kind: 'hotspot' as const, spot: b, alertId: null };
    expect(focusedSpot(focus, [a, moved])).toEqual({ spot: moved, position: 2 });
    expect(focusedSpot(focus, [a])).toEqual({ spot: b, position: null });
    expect(focusedSpot(MISSION, [a])).toBeNull();
  });
});
