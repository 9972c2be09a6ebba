import { describe, expect, it } from 'vitest';
import { anAlert, byId } from '../alerts/fixtures.js';
import type { StatusPolicy } from '../state/status.js';
import { aUnit, anIncident, mapOf } from './fixtures.js';
import { alertSubject, categoryShort, DAY_MS, officePatrols, oldestUnacknowledged, openAlerts, recentIncidents, topCategories, waitedFor } from './kpis.js';

const now = 1_800_000_000_000;
const t = { staleAfterMs: 120_000, lostAfterMs: 600_000 };
const policy: StatusPolicy = { 'fpu-vehicle': t, 'joint-patrol': t, 'ipo-foot': t, 'static-post': t };
const fixAgo = (ms: number) => ({ time: now - ms, lat: 9.5, lon: 31.6 });

describe('officePatrols', () => {
  it('counts live, stale and lost per field office that has patrols, in alphabetical order', () => {
    const rows = officePatrols(
      [
        aUnit('m1', { last: fixAgo(5_000) }),
        aUnit('m2', { last: fixAgo(200_000) }),
        aUnit('m3', { last: fixAgo(900_000) }),
        aUnit('m4', { last: fixAgo(1_000), activity: 'sos' }),
        aUnit('b1', { fieldOffice: 'bor', last: fixAgo(1_000) }),
        aUnit('b2', { fieldOffice: 'bor', last: null, status: 'unknown' }),
      ],
      now,
      policy,
    );
    expect(rows).toEqual([
      { office: 'bor', live: 1, stale: 0, lost: 0, noFix: 1, sos: 0 },
      { office: 'malakal', live: 2, stale: 1, lost: 1, noFix: 0, sos: 1 },
    ]);
  });
  it('shows a unit the server called live as stale once its fix is old on the screen’s clock', () => {
    const [row] = officePatrols([aUnit('m1', { status: 'live', last: fixAgo(300_000) })], now, policy);
    expect(row?.stale).toBe(1);
  });
});

describe('recentIncidents', () => {
  it('counts incidents that occurred in the last 24 hours by category, most first, false reports left out', () => {
    const recent = recentIncidents(
      [
        anIncident('a', { category: 'crime', occurredAt: now - 1_000 }),
        anIncident('b', { category: 'cattle-raiding', occurredAt: now - 3_600_000 }),
        anIncident('c', { category: 'cattle-raiding', occurredAt: now - DAY_MS + 1 }),
        anIncident('d', { category: 'sgbv', occurredAt: now - DAY_MS - 1 }),
        anIncident('e', { category: 'crime', occurredAt: now - 10, status: 'false-report' }),
        anIncident('f', { category: 'public-order', occurredAt: now - 10, status: 'closed' }),
      ],
      now,
    );
    expect(recent).toEqual({
      total: 4,
      byCategory: [
        { category: 'cattle-raiding', count: 2 },
        { category: 'public-order', count: 1 },
        { category: 'crime', count: 1 },
      ],
    });
  });
});

describe('topCategories', () => {
  const rows = [
    { category: 'crime' as const, count: 5 },
    { category: 'sgbv' as const, count: 3 },
    { category: 'other' as const, count: 2 },
  ];
  it('keeps every row when they fit', () => {
    expect(topCategories(rows, 3)).toEqual({ shown: rows, rest: 0, restCategories: 0 });
  });
  it('gathers the rest in the last row when they do not', () => {
    expect(topCategories(rows, 2)).toEqual({ shown: [rows[0]], rest: 5, restCategories: 2 });
  });
});

describe('open alerts', () => {
  const alerts = byId(
    anAlert('new', { raisedAt: 5_000 }),
    anAlert('old', { raisedAt: 1_000, kind: 'unit-lost', severity: 3, unitId: 'bor-fpu-2', title: 'BOR-FPU-2 lost: no report' }),
    anAlert('acked', { raisedAt: 500, acknowledgedAt: 600, acknowledgedBy: 'op' }),
    anAlert('notice', { raisedAt: 100, severity: 1, kind: 'patrol-entered-zone', resolvedAt: 100 }),
  );
  it('counts those waiting for acknowledgement, not notices', () => {
    expect(openAlerts(alerts).map((a) => a.id).sort()).toEqual(['new', 'old']);
  });
  it('finds the one that has waited longest', () => {
    expect(oldestUnacknowledged(alerts)?.id).toBe('old');
    expect(oldestUnacknowledged(byId())).toBeNull();
  });
  it('names the patrol by callsign, or falls back on the title', () => {
    const units = mapOf(aUnit('bor-fpu-2', { callsign: 'BOR-FPU-2' }));
    expect(alertSubject(anAlert('x', { unitId: 'bor-fpu-2' }), units)).toBe('SOS BOR-FPU-2');
    expect(alertSubject(anAlert('y', { unitId: null, kind: 'incident-near-site', title: 'Clash 2 km from Bor POC' }), units)).toBe('Clash 2 km from Bor POC');
  });
});

describe('waitedFor', () => {
  it('says seconds, minutes, hours and days briefly', () => {
    expect(waitedFor(now - 45_000, now)).toBe('45 s');
    expect(waitedFor(now - 7 * 60_000, now)).toBe('7 min');
    expect(waitedFor(now - 2 * 3600_000, now)).toBe('2 h');
    expect(waitedFor(now - 125 * 60_000, now)).toBe('2 h 5 min');
    expect(waitedFor(now - 26 * 3600_000, now)).toBe('1 d 2 h');
    expect(waitedFor(now + 5_000, now)).toBe('0 s');
  });
});

describe('the wall’s figures in French', () => {
  it('words days as jours, and categories and alerts in French', () => {
    const now = 1_800_000_000_000;
    expect(waitedFor(now - 26 * 3600_000, now, 'fr')).toBe('1 j 2 h');
    expect(waitedFor(now - 7 * 60_000, now, 'fr')).toBe('7 min');
    expect(categoryShort('cattle-raiding', 'fr')).toBe('Raid de bétail');
    expect(categoryShort('cattle-raiding', 'en')).toBe('Cattle raiding');
  });
});
