import { describe, expect, it } from 'vitest';
import { linkBannerText } from './linkBannerText.js';

// 14:30:05 UTC is 16:30:05 in Juba; the link went down at 16:31:40.
const last = Date.UTC(2026, 10, 21, 14, 30, 5);
const down = Date.UTC(2026, 10, 21, 14, 31, 40);

describe('linkBannerText', () => {
  it('shows nothing while the link is up', () => {
    expect(linkBannerText({ state: 'connected', downSince: null, lastUpdate: last, everConnected: true }, 0, null)).toBeNull();
  });
  it('says since when the link has been lost, in Juba time: when it went down, not the last update', () => {
    expect(linkBannerText({ state: 'reconnecting', downSince: down, lastUpdate: last, everConnected: true }, 0, null)).toEqual({
      tone: 'reconnecting',
      headline: 'LINK LOST SINCE 16:31 (Juba)',
      detail: 'Reconnecting by itself · positions shown are as of 16:30:05',
    });
  });
  it('reads the moment on the server clock', () => {
    // The PC runs three minutes behind the server.
    const text = linkBannerText({ state: 'offline', downSince: down - 180_000, lastUpdate: last, everConnected: true }, 180_000, null);
    expect(text?.headline).toBe('LINK LOST SINCE 16:31 (Juba)');
    expect(text?.tone).toBe('offline');
    expect(text?.detail).toMatch(/^Server out of reach, reconnecting by itself/);
  });
  it('stays quiet while first connecting, and says so once the browser is offline', () => {
    expect(linkBannerText({ state: 'reconnecting', downSince: down, lastUpdate: null, everConnected: false }, 0, null)).toBeNull();
    expect(linkBannerText({ state: 'offline', downSince: down, lastUpdate: null, everConnected: false }, 0, null)?.headline).toBe(
      'NO LINK TO THE SERVER SINCE 16:31 (Juba)',
    );
  });
  it('shows a failure to load while the link is up', () => {
    const failure = { part: 'pack', detail: 'the server did not answer (/api/sites)' } as const;
    expect(linkBannerText({ state: 'connected', downSince: null, lastUpdate: last, everConnected: true }, 0, failure)).toEqual({
      tone: 'warn',
      headline: 'Mission pack: the server did not answer (/api/sites)',
      detail: null,
    });
    expect(linkBannerText({ state: 'connected', downSince: null, lastUpdate: last, everConnected: true }, 0, failure, 'fr')?.headline).toBe(
      'Dossier de mission : the server did not answer (/api/sites)',
    );
  });
});
