import { describe, expect, it } from 'vitest';
import { WorkerMessage } from './messages.js';
import { applyWorkerMessage, mapDataStaleSince, staleNoticeText, type OfflineCopyState } from './state.js';

// 12:02 UTC is 14:02 in Juba.
const kept = Date.UTC(2026, 10, 21, 12, 2, 30);
const later = Date.UTC(2026, 10, 21, 12, 40);
const nextDay = Date.UTC(2026, 10, 22, 7, 0);

const served = (...messages: WorkerMessage[]): OfflineCopyState => messages.reduce(applyWorkerMessage, { answers: {} });

describe('what the page was served', () => {
  it('is stale, as of the mission pack’s time, when any of the map’s data came from the offline copy', () => {
    const state = served(
      { type: 'answer-source', path: '/api/basemap', source: 'offline-copy', savedAt: kept - 3_600_000 },
      { type: 'answer-source', path: '/api/sites', source: 'offline-copy', savedAt: kept },
      { type: 'answer-source', path: '/api/config', source: 'offline-copy', savedAt: kept },
    );
    expect(mapDataStaleSince(state)).toBe(kept);
  });

  it('is not stale when everything came over the network, nor for the session alone', () => {
    expect(mapDataStaleSince(served({ type: 'answer-source', path: '/api/sites', source: 'network', savedAt: kept }))).toBeNull();
    expect(mapDataStaleSince(served({ type: 'answer-source', path: '/api/auth/me', source: 'offline-copy', savedAt: kept }))).toBeNull();
  });

  it('counts the mission pack’s time even when only the settings came from the copy', () => {
    const state = served(
      { type: 'answer-source', path: '/api/sites', source: 'network', savedAt: kept },
      { type: 'answer-source', path: '/api/config', source: 'offline-copy', savedAt: later },
    );
    expect(mapDataStaleSince(state)).toBe(kept);
  });

  it('clears once fresh answers replace the copy, and when the copy is thrown away', () => {
    const stale = served({ type: 'answer-source', path: '/api/sites', source: 'offline-copy', savedAt: kept });
    expect(mapDataStaleSince(applyWorkerMessage(stale, { type: 'answer-source', path: '/api/sites', source: 'network', savedAt: later }))).toBeNull();
    expect(applyWorkerMessage(stale, { type: 'offline-copy-forgotten' })).toEqual({ answers: {} });
  });

  it('parses the worker’s messages and refuses anything else', () => {
    expect(WorkerMessage.safeParse({ type: 'answer-source', path: '/api/sites', source: 'offline-copy', savedAt: kept }).success).toBe(true);
    expect(WorkerMessage.safeParse({ type: 'answer-source', path: '/api/incidents', source: 'offline-copy', savedAt: kept }).success).toBe(false);
    expect(WorkerMessage.safeParse({ type: 'answer-source', path: '/api/sites', source: 'guess', savedAt: kept }).success).toBe(false);
    expect(WorkerMessage.safeParse('offline-copy-forgotten').success).toBe(false);
  });
});

describe('staleNoticeText', () => {
  it('says nothing while the map is live', () => {
    expect(staleNoticeText(null, 'offline', later)).toBeNull();
  });

  it('says as of when (Juba time), and that no position is live, while the link is down', () => {
    expect(staleNoticeText(kept, 'offline', later)).toEqual({
      headline: 'OFFLINE COPY',
      detail: 'Map and sites as of 14:02 Juba. No live positions, incidents or alerts until the link returns.',
    });
    expect(staleNoticeText(kept, 'reconnecting', later)?.headline).toBe('OFFLINE COPY');
  });

  it('adds the date when the copy is from another day', () => {
    expect(staleNoticeText(kept, 'offline', nextDay)?.detail).toMatch(/^Map and sites as of Sat 21 Nov 2026, 14:02 Juba\./);
  });

  it('says the map is being updated once the link is back', () => {
    expect(staleNoticeText(kept, 'connected', later)).toEqual({
      headline: 'UPDATING THE MAP',
      detail: 'Live positions are back. Map and sites shown are still the offline copy of 14:02 Juba, until the new copy arrives.',
    });
  });

  it('says the same in French, with the date in French', () => {
    expect(staleNoticeText(kept, 'offline', later, 'fr')).toEqual({
      headline: 'COPIE HORS LIGNE',
      detail: 'Carte et sites datant de 14:02 (heure de Juba). Ni positions en direct, ni incidents, ni alertes tant que la liaison n’est pas rétablie.',
    });
    expect(staleNoticeText(kept, 'offline', nextDay, 'fr')?.detail).toMatch(/^Carte et sites datant de sam\. 21 nov\. 2026 à 14:02 \(heure de Juba\)\./);
    expect(staleNoticeText(kept, 'connected', later, 'fr')?.headline).toBe('MISE À JOUR DE LA CARTE');
  });
});
