import { describe, expect, it } from 'vitest';
import { linkText } from './linkText.js';

// 14:30:05 UTC is 16:30:05 in Juba.
const last = Date.UTC(2026, 10, 21, 14, 30, 5);
const down = Date.UTC(2026, 10, 21, 14, 31, 40);

describe('linkText', () => {
  it('says live and when the last update came', () => {
    expect(linkText({ state: 'connected', downSince: null, lastUpdate: last, everConnected: true }, 0)).toEqual({
      headline: 'LIVE',
      detail: 'updated 16:30:05',
    });
  });
  it('says since when it has been reconnecting, and how old the picture is', () => {
    expect(linkText({ state: 'reconnecting', downSince: down, lastUpdate: last, everConnected: true }, 0)).toEqual({
      headline: 'RECONNECTING',
      detail: 'down since 16:31 · last update 16:30:05',
    });
  });
  it('says offline since hh:mm in Juba time, on the server clock', () => {
    const t = linkText({ state: 'offline', downSince: down - 60_000, lastUpdate: last, everConnected: true }, 60_000);
    expect(t).toEqual({ headline: 'OFFLINE since 16:31', detail: 'last update 16:30:05' });
  });
  it('says connecting before the first connection', () => {
    expect(linkText({ state: 'reconnecting', downSince: null, lastUpdate: null, everConnected: false }, 0).headline).toBe('CONNECTING…');
  });
});
