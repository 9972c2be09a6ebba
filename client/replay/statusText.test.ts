import { describe, expect, it } from 'vitest';
import { replayStatusText } from './statusText.js';

const quiet = { problem: null, note: null, loading: false };
// 08:30 and 14:31 UTC are 10:30 and 16:31 in Juba (UTC+2).
const asked = Date.UTC(2026, 10, 20, 8, 30);
const starts = Date.UTC(2026, 10, 20, 14, 31);

describe('replayStatusText', () => {
  it('says nothing when all is well, and that the picture loads while it does', () => {
    expect(replayStatusText(quiet, 'en')).toBeNull();
    expect(replayStatusText({ ...quiet, loading: true }, 'en')).toBe('Loading the picture…');
    expect(replayStatusText({ ...quiet, loading: true }, 'fr')).toBe('Chargement de la situation…');
  });
  it('words the notes in each language', () => {
    const clamped = { ...quiet, note: { kind: 'clamped', hours: 24, asked, starts } } as const;
    expect(replayStatusText(clamped, 'en')).toBe('Replay reaches back 24 h: 10:30 Juba is older, so it starts at 16:31 Juba.');
    expect(replayStatusText(clamped, 'fr')).toBe('La relecture remonte à 24 h : 10:30 (heure de Juba) est plus ancien, elle commence donc à 16:31.');
    expect(replayStatusText({ ...quiet, note: { kind: 'caught-up' } }, 'en')).toMatch(/caught up with the present/);
    expect(replayStatusText({ ...quiet, note: { kind: 'caught-up' } }, 'fr')).toMatch(/a rejoint le présent/);
  });
  it('puts a problem before a note, and shows a refusal as the server sent it', () => {
    const refused = { ...quiet, loading: true, note: { kind: 'caught-up' }, problem: { kind: 'refused', detail: 'Replay needs the audit:read permission.' } } as const;
    expect(replayStatusText(refused, 'fr')).toBe('Replay needs the audit:read permission.');
    expect(replayStatusText({ ...quiet, problem: { kind: 'retrying', detail: 'HTTP 503' } }, 'fr')).toBe('Pas de réponse du serveur (HTTP 503) ; nouvel essai…');
  });
});
