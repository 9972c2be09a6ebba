import { describe, expect, it } from 'vitest';
import type { IncidentSummary } from '../../../shared/incidents.js';
import { loadIncidentFilter, saveIncidentFilter } from './filterStorage.js';
import {
  buildIncidentList,
  DEFAULT_INCIDENT_FILTER,
  isDefaultFilter,
  matchesIncidentFilter,
  openSummary,
  type IncidentFilter,
} from './incidentList.js';

function incident(id: string, over: Partial<IncidentSummary> = {}): IncidentSummary {
  return {
    id,
    category: 'cattle-raiding',
    severity: 2,
    title: `Cattle taken near Kodok (${id})`,
    description: '',
    location: { lat: 9.55, lon: 31.66 },
    locationCoarsened: false,
    sensitive: false,
    protected: false,
    status: 'reported',
    occurredAt: 0,
    reportedAt: 0,
    reportedBy: 'operator1',
    updatedAt: 0,
    fieldOffice: 'malakal',
    nearestSite: null,
    assignments: [],
    ...over,
  };
}

const filter = (over: Partial<IncidentFilter>): IncidentFilter => ({ ...DEFAULT_INCIDENT_FILTER, ...over });

const incidents = [
  incident('raid', { reportedAt: 1_000, severity: 2 }),
  incident('attack', { category: 'threat-to-civilians', severity: 4, status: 'verified', reportedAt: 5_000, fieldOffice: 'bor', title: 'Armed men on the Bor road' }),
  incident('demo', { category: 'public-order', severity: 1, status: 'responding', reportedAt: 3_000, fieldOffice: 'juba', title: 'Demonstration at Konyokonyo market' }),
  incident('theft', { category: 'crime', severity: 3, status: 'resolved', reportedAt: 4_000, fieldOffice: 'juba', title: 'Theft at the market' }),
  incident('false', { category: 'other', severity: 2, status: 'false-report', reportedAt: 6_000, fieldOffice: null, title: 'Gunfire heard' }),
  incident('old', { category: 'crime', severity: 3, status: 'closed', reportedAt: 500, fieldOffice: 'juba', title: 'Robbery on the Yei road' }),
];
const ids = (list: { rows: IncidentSummary[] }) => list.rows.map((r) => r.id);

describe('the incidents list', () => {
  it('shows every open incident, newest report first, by default', () => {
    const list = buildIncidentList(incidents, DEFAULT_INCIDENT_FILTER);
    expect(ids(list)).toEqual(['attack', 'demo', 'raid']);
    expect(list.total).toBe(6);
  });

  it('counts each status, and open ones together', () => {
    const { counts } = buildIncidentList(incidents, DEFAULT_INCIDENT_FILTER);
    expect(counts).toEqual({ reported: 1, verified: 1, responding: 1, resolved: 1, closed: 1, 'false-report': 1, open: 3, all: 6 });
  });

  it('shows every status when asked, or only one', () => {
    expect(ids(buildIncidentList(incidents, filter({ status: 'all' })))).toEqual(['false', 'attack', 'theft', 'demo', 'raid', 'old']);
    expect(ids(buildIncidentList(incidents, filter({ status: 'resolved' })))).toEqual(['theft']);
    expect(ids(buildIncidentList(incidents, filter({ status: 'false-report' })))).toEqual(['false']);
  });

  it('narrows by several categories at once; none ticked is every category', () => {
    expect(ids(buildIncidentList(incidents, filter({ status: 'all', categories: ['crime', 'public-order'] })))).toEqual(['theft', 'demo', 'old']);
    expect(ids(buildIncidentList(incidents, filter({ status: 'all', categories: [] })))).toHaveLength(6);
  });

  it('narrows to a severity and worse', () => {
    expect(ids(buildIncidentList(incidents, filter({ status: 'all', minSeverity: 3 })))).toEqual(['attack', 'theft', 'old']);
    expect(ids(buildIncidentList(incidents, filter({ minSeverity: 4 })))).toEqual(['attack']);
  });

  it('narrows to a field office, or to incidents with none nearby', () => {
    expect(ids(buildIncidentList(incidents, filter({ status: 'all', office: 'juba' })))).toEqual(['theft', 'demo', 'old']);
    expect(ids(buildIncidentList(incidents, filter({ status: 'all', office: 'none' })))).toEqual(['false']);
  });

  it('searches titles for every word typed, ignoring case and order', () => {
    expect(ids(buildIncidentList(incidents, filter({ status: 'all', text: 'MARKET' })))).toEqual(['theft', 'demo']);
    expect(ids(buildIncidentList(incidents, filter({ status: 'all', text: '  market  theft ' })))).toEqual(['theft']);
    expect(ids(buildIncidentList(incidents, filter({ status: 'all', text: 'road yei' })))).toEqual(['old']);
    expect(ids(buildIncidentList(incidents, filter({ status: 'all', text: 'nowhere' })))).toEqual([]);
  });

  it('counts follow the other filters, not the status one', () => {
    const list = buildIncidentList(incidents, filter({ office: 'juba', status: 'closed' }));
    expect(ids(list)).toEqual(['old']);
    expect(list.counts).toMatchObject({ responding: 1, resolved: 1, closed: 1, reported: 0, open: 1, all: 3 });
  });

  it('keeps rows of the same millisecond in a steady order', () => {
    const same = [incident('b', { reportedAt: 7 }), incident('a', { reportedAt: 7 }), incident('c', { reportedAt: 9 })];
    expect(ids(buildIncidentList(same, DEFAULT_INCIDENT_FILTER))).toEqual(['c', 'a', 'b']);
  });

  it('matches one incident the way the list does', () => {
    const attack = incidents[1];
    if (!attack) throw new Error('fixture');
    expect(matchesIncidentFilter(attack, filter({ categories: ['threat-to-civilians'], minSeverity: 4, office: 'bor', text: 'armed' }))).toBe(true);
    expect(matchesIncidentFilter(attack, filter({ status: 'reported' }))).toBe(false);
  });

  it('knows when nothing beyond the default is asked for', () => {
    expect(isDefaultFilter(DEFAULT_INCIDENT_FILTER)).toBe(true);
    expect(isDefaultFilter(filter({ text: '   ' }))).toBe(true);
    expect(isDefaultFilter(filter({ minSeverity: 2 }))).toBe(false);
    expect(isDefaultFilter(filter({ categories: ['sgbv'] }))).toBe(false);
  });

  it('gives the header the open count and the worst open severity', () => {
    expect(openSummary(incidents)).toEqual({ count: 3, worst: 4 });
    expect(openSummary([])).toEqual({ count: 0, worst: 0 });
  });

  it('builds a list of two thousand incidents in one pass', () => {
    const many = Array.from({ length: 2000 }, (_, i) => incident(`i${i}`, { reportedAt: i, status: i % 3 === 0 ? 'closed' : 'reported', severity: (i % 4) + 1 }));
    const list = buildIncidentList(many, filter({ minSeverity: 3 }));
    expect(list.total).toBe(2000);
    expect(list.rows.every((r) => r.severity >= 3 && r.status === 'reported')).toBe(true);
    expect(list.rows[0]?.reportedAt).toBeGreaterThan(list.rows.at(-1)?.reportedAt ?? Infinity);
    expect(list.counts.reported + list.counts.closed).toBe(list.counts.all);
  });
});

describe('incident filters kept for the session', () => {
  const memory = () => {
    const saved = new Map<string, string>();
    return { saved, getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v) };
  };

  it('come back as they were set, for the same person only', () => {
    const storage = memory();
    const mine = filter({ text: 'market', categories: ['crime', 'sgbv'], minSeverity: 3, status: 'all', office: 'none' });
    saveIncidentFilter(storage, 'Cdr Okello', mine);
    expect(loadIncidentFilter(storage, 'Cdr Okello')).toEqual(mine);
    expect(loadIncidentFilter(storage, 'Cdr Achieng')).toEqual(DEFAULT_INCIDENT_FILTER);
  });

  it('fall back to every open incident when storage holds rubbish', () => {
    const storage = memory();
    storage.saved.set('unpol-ops-map:incident-filter:x', '{not json');
    expect(loadIncidentFilter(storage, 'x')).toEqual(DEFAULT_INCIDENT_FILTER);
    storage.saved.set('unpol-ops-map:incident-filter:x', JSON.stringify({ ...DEFAULT_INCIDENT_FILTER, minSeverity: 9 }));
    expect(loadIncidentFilter(storage, 'x')).toEqual(DEFAULT_INCIDENT_FILTER);
    storage.saved.set('unpol-ops-map:incident-filter:x', JSON.stringify({ ...DEFAULT_INCIDENT_FILTER, categories: ['not-a-category'] }));
    expect(loadIncidentFilter(storage, 'x')).toEqual(DEFAULT_INCIDENT_FILTER);
  });

  it('do not break the list when storage refuses them', () => {
    const refusing = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: (): void => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveIncidentFilter(refusing, 'x', DEFAULT_INCIDENT_FILTER)).not.toThrow();
    expect(loadIncidentFilter(refusing, 'x')).toEqual(DEFAULT_INCIDENT_FILTER);
  });
});
