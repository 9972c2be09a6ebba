import { describe, expect, it } from 'vitest';
import type { IncidentSummary } from '../../shared/incidents.js';
import { REPLAY_LOOKBACK_MS, type ReplayState, type ReplayTracks } from '../../shared/replay.js';
import type { Unit } from '../../shared/units.js';
import { policyFrom } from '../state/status.js';
import { lastAtOrBefore, ReplayTimeline, type Registration } from './timeline.js';

const MIN = 60_000;
const T = 1_800_000_000_000;
const policy = policyFrom({
  thresholds: {
    'fpu-vehicle': { staleAfterS: 120, lostAfterS: 600 },
    'joint-patrol': { staleAfterS: 120, lostAfterS: 600 },
    'ipo-foot': { staleAfterS: 300, lostAfterS: 1200 },
    'static-post': { staleAfterS: 900, lostAfterS: 3600 },
  },
});
const range = { from: T - 24 * 60 * MIN, to: T + 60 * MIN, hours: 24, lookbackMs: REPLAY_LOOKBACK_MS, maxTracksMs: 120 * MIN };

const unit = (id: string, time: number, lat: number, over: Partial<Unit> = {}): Unit => ({
  id,
  callsign: id.toUpperCase(),
  type: 'fpu-vehicle',
  fieldOffice: 'bor',
  activity: 'on-patrol',
  status: 'live',
  last: { time, lat, lon: 31.5 },
  ...over,
});

const incident = (id: string, status: IncidentSummary['status'], updatedAt: number): IncidentSummary => ({
  id,
  category: 'intercommunal-clash',
  severity: 3,
  title: 'Clash reported at Pariak',
  description: '',
  location: { lat: 6.07, lon: 31.55 },
  locationCoarsened: false,
  sensitive: false,
  protected: false,
  status,
  occurredAt: T - 5 * MIN,
  reportedAt: T - 5 * MIN,
  reportedBy: 'operator1',
  updatedAt,
  fieldOffice: 'bor',
  nearestSite: null,
  assignments: [],
});

const state: ReplayState = {
  at: T,
  range,
  units: [unit('a', T - MIN, 6.0), unit('b', T - 4 * MIN, 6.1, { status: 'stale' })],
  incidents: [incident('i1', 'reported', T - 5 * MIN)],
};

const tracks: ReplayTracks = {
  from: T,
  to: T + 10 * MIN,
  everyS: 0,
  units: [
    // The fix at T − 1 min is known already; the one at the window's start is not taken twice.
    { unitId: 'a', fixes: [[T + MIN, 31.5, 6.01, 8, 90, 5, 0], [T + 3 * MIN, 31.5, 6.02, 8, 90, 5, 1]] },
    // A unit not in the starting picture: its callsign comes from the roster.
    { unitId: 'c', fixes: [[T + 2 * MIN, 31.6, 6.3, null, null, null, 0]] },
  ],
  incidents: [{ time: T + 4 * MIN, incident: incident('i1', 'verified', T + 4 * MIN) }],
  activities: [{ unitId: 'b', activity: 'responding', from: T + 5 * MIN, until: T + 8 * MIN }],
};

const roster = new Map<string, Registration>([['c', { id: 'c', callsign: 'C-FROM-ROSTER', type: 'ipo-foot', fieldOffice: 'bor' }]]);

describe('lastAtOrBefore', () => {
  it('finds the last fix at or before a moment', () => {
    const fixes = [10, 20, 30].map((time) => ({ time, lat: 0, lon: 0 }));
    expect([5, 10, 15, 20, 30, 99].map((t) => lastAtOrBefore(fixes, t))).toEqual([-1, 0, 0, 1, 2, 2]);
    expect(lastAtOrBefore([], 10)).toBe(-1);
  });
});

describe('ReplayTimeline', () => {
  it('draws the starting picture until more is loaded, and no further', () => {
    const timeline = new ReplayTimeline(state, REPLAY_LOOKBACK_MS);
    expect(timeline.covers(T)).toBe(true);
    expect(timeline.covers(T + 1)).toBe(false);
    const picture = timeline.pictureAt(T + 5 * MIN, roster, policy);
    expect(picture.at).toBe(T);
    expect(picture.units.get('a')?.last?.lat).toBe(6.0);
    expect(picture.units.get('b')?.status).toBe('stale');
    expect(picture.incidents.get('i1')?.status).toBe('reported');
  });

  it('moves each unit to its last fix at the moment, with the status and activity then', () => {
    const timeline = new ReplayTimeline(state, REPLAY_LOOKBACK_MS);
    timeline.append(tracks);
    expect(timeline.to).toBe(T + 10 * MIN);

    const early = timeline.pictureAt(T + 2 * MIN, roster, policy);
    expect(early.units.get('a')?.last).toEqual({ time: T + MIN, lat: 6.01, lon: 31.5, speed: 8, heading: 90, accuracy: 5 });
    expect(early.units.get('a')?.status).toBe('live');
    expect(early.units.get('c')).toMatchObject({ callsign: 'C-FROM-ROSTER', type: 'ipo-foot', last: { time: T + 2 * MIN, lat: 6.3 } });
    expect(early.incidents.get('i1')?.status).toBe('reported');

    const later = timeline.pictureAt(T + 6 * MIN, roster, policy);
    expect(later.units.get('a')?.last).toMatchObject({ time: T + 3 * MIN, implausible: true });
    // Three minutes without a fix: a vehicle patrol is stale after two.
    expect(later.units.get('a')?.status).toBe('stale');
    expect(later.units.get('b')).toMatchObject({ activity: 'responding', status: 'lost' });
    expect(later.incidents.get('i1')?.status).toBe('verified');
    expect(timeline.pictureAt(T + 9 * MIN, roster, policy).units.get('b')?.activity).toBe('on-patrol');
  });

  it('keeps a unit object that did not change, so the map sees what moved', () => {
    const timeline = new ReplayTimeline(state, REPLAY_LOOKBACK_MS);
    timeline.append(tracks);
    const one = timeline.pictureAt(T + 90_000, roster, policy);
    const two = timeline.pictureAt(T + 100_000, roster, policy);
    expect(two.units.get('a')).toBe(one.units.get('a'));
    const three = timeline.pictureAt(T + 3 * MIN, roster, policy);
    expect(three.units.get('a')).not.toBe(one.units.get('a'));
  });

  it('leaves off a unit silent for longer than the lookback', () => {
    const timeline = new ReplayTimeline(state, 5 * MIN);
    timeline.append(tracks);
    expect(timeline.pictureAt(T + 2 * MIN, roster, policy).units.has('b')).toBe(false);
    expect(timeline.pictureAt(T, roster, policy).units.has('b')).toBe(true);
  });

  it('takes the next window where the last ended, and refuses a gap', () => {
    const timeline = new ReplayTimeline(state, REPLAY_LOOKBACK_MS);
    timeline.append(tracks);
    expect(() => timeline.append({ ...tracks, from: T + 11 * MIN, to: T + 20 * MIN })).toThrow(/gap/);
    timeline.append({
      from: T + 10 * MIN,
      to: T + 20 * MIN,
      everyS: 60,
      units: [{ unitId: 'a', fixes: [[T + 3 * MIN, 31.5, 6.02, 8, 90, 5, 1], [T + 12 * MIN, 31.5, 6.05, null, null, null, 0]] }],
      incidents: [{ time: T + 15 * MIN, incident: incident('i1', 'responding', T + 15 * MIN) }],
      activities: [],
    });
    expect(timeline.thinned).toBe(true);
    expect(timeline.pictureAt(T + 13 * MIN, roster, policy).units.get('a')?.last?.lat).toBe(6.05);
    expect(timeline.pictureAt(T + 16 * MIN, roster, policy).incidents.get('i1')?.status).toBe('responding');
  });

  it('forgets what it has passed but draws the same picture after', () => {
    const timeline = new ReplayTimeline(state, REPLAY_LOOKBACK_MS);
    timeline.append(tracks);
    const before = timeline.pictureAt(T + 7 * MIN, roster, policy);
    timeline.forgetBefore(T + 5 * MIN);
    expect(timeline.from).toBe(T + 5 * MIN);
    expect(timeline.covers(T + 4 * MIN)).toBe(false);
    const after = timeline.pictureAt(T + 7 * MIN, roster, policy);
    expect([...after.units.values()].map((u) => [u.id, u.last?.time, u.status, u.activity])).toEqual(
      [...before.units.values()].map((u) => [u.id, u.last?.time, u.status, u.activity]),
    );
    expect(after.incidents.get('i1')?.status).toBe('verified');
  });
});
