import { describe, expect, it } from 'vitest';
import { AlertKind, type AlertWords } from '../../shared/alerts.js';
import { useLangStore } from '../i18n/lang.js';
import { alertTitle } from './alertTitle.js';
import { anAlert } from './fixtures.js';

// 12:30 UTC is 14:30 in Juba (UTC+2); 13:05 UTC is 15:05.
const DUE = Date.UTC(2027, 1, 15, 12, 30);
const ENDS = Date.UTC(2027, 1, 15, 13, 5);

/** Every kind: its words, the English title the server gives it, and the French one. */
const CASES: [AlertWords, string, string][] = [
  [{ kind: 'sos', callsign: 'BOR-FPU-2' }, 'SOS from BOR-FPU-2', 'SOS de BOR-FPU-2'],
  [{ kind: 'unit-stale', callsign: 'MAL-IPO-7' }, 'MAL-IPO-7 stale: reports have stopped', 'MAL-IPO-7 : positions interrompues'],
  [{ kind: 'unit-lost', callsign: 'MAL-IPO-7' }, 'MAL-IPO-7 lost: no report', 'MAL-IPO-7 : liaison perdue, aucune position'],
  [
    { kind: 'incident-near-site', category: 'poc-site-security', site: 'Malakal POC', place: 'at', km: 1 },
    'POC-site security incident 1.0 km from Malakal POC',
    'Incident de sécurité au site PoC à 1,0 km de Malakal POC',
  ],
  [
    { kind: 'incident-near-site', category: 'sgbv', site: 'Malakal POC', place: 'within', km: 5 },
    'SGBV incident within 5 km of Malakal POC',
    'Incident de VSBG à moins de 5 km de Malakal POC',
  ],
  [
    { kind: 'incident-near-site', category: 'intercommunal-clash', site: 'Bentiu POC', place: 'inside', km: 0 },
    'Intercommunal clash inside Bentiu POC',
    'Affrontement intercommunautaire à l’intérieur de Bentiu POC',
  ],
  [
    { kind: 'incident-in-corridor', category: 'cattle-raiding', corridor: 'Gogrial → Kayango' },
    'Cattle raiding on the Gogrial → Kayango migration corridor, in season',
    'Raid de bétail sur le couloir de transhumance Gogrial → Kayango, en saison',
  ],
  [
    { kind: 'patrol-in-corridor', callsign: 'WAU-FPU-1', corridor: 'Gogrial → Kayango' },
    'WAU-FPU-1 on the Gogrial → Kayango corridor, in season',
    'WAU-FPU-1 sur le couloir de transhumance Gogrial → Kayango, en saison',
  ],
  [{ kind: 'patrol-entered-zone', callsign: 'MAL-IPO-7', zone: 'Malakal POC' }, 'MAL-IPO-7 entered Malakal POC', 'MAL-IPO-7 : entrée dans Malakal POC'],
  [{ kind: 'patrol-left-zone', callsign: 'MAL-IPO-7', zone: 'Malakal POC' }, 'MAL-IPO-7 left Malakal POC', 'MAL-IPO-7 : sortie de Malakal POC'],
  [
    { kind: 'incident-unverified', waitedMin: 12, incidentTitle: 'Shots heard near the market' },
    'Not verified after 12 min: Shots heard near the market',
    'Non vérifié après 12 min : Shots heard near the market',
  ],
  [
    { kind: 'incident-unassigned', waitedMin: 125, incidentTitle: 'Herd of 300 taken' },
    'No patrol sent after 2 h 5 min: Herd of 300 taken',
    'Aucune patrouille envoyée après 2 h 5 min : Herd of 300 taken',
  ],
  [
    { kind: 'checkpoint-missed', callsign: 'BOR-FPU-2', checkpoints: ['Pariak'], dueAt: DUE, byEnd: false },
    'BOR-FPU-2 missed checkpoint Pariak (due 14:30 Juba)',
    'BOR-FPU-2 : point de contrôle manqué Pariak (attendu à 14:30, heure de Juba)',
  ],
  [
    { kind: 'checkpoint-missed', callsign: 'BOR-FPU-2', checkpoints: ['Pariak', 'Anyidi', 'Kolnyang'], dueAt: DUE, byEnd: false },
    'BOR-FPU-2 missed checkpoints Pariak, Anyidi and Kolnyang (due by 14:30 Juba)',
    'BOR-FPU-2 : points de contrôle manqués Pariak, Anyidi et Kolnyang (attendus au plus tard à 14:30, heure de Juba)',
  ],
  [
    { kind: 'checkpoint-missed', callsign: 'BOR-FPU-2', checkpoints: ['Pariak', 'Anyidi'], dueAt: ENDS, byEnd: true },
    'BOR-FPU-2 missed checkpoints Pariak and Anyidi (patrol ended 15:05 Juba)',
    'BOR-FPU-2 : points de contrôle manqués Pariak et Anyidi (fin de patrouille à 15:05, heure de Juba)',
  ],
  [
    { kind: 'patrol-overdue', callsign: 'BOR-FPU-2', returnTo: 'Bor field office', dueAt: ENDS },
    'BOR-FPU-2 overdue: not back at Bor field office by 15:05 Juba',
    'BOR-FPU-2 en retard : pas de retour à Bor field office à 15:05 (heure de Juba)',
  ],
];

describe('alertTitle', () => {
  it('has a case for every kind of alert', () => {
    expect(new Set(CASES.map(([w]) => w.kind))).toEqual(new Set(AlertKind.options));
  });

  it.each(CASES)('words %j in English and in French', (words, en, fr) => {
    // An English title nobody would write, so a fallback to it cannot pass for the wording.
    const alert = anAlert('a', { kind: words.kind, title: 'as sent by the server', words });
    expect(alertTitle(alert, 'en')).toBe(en);
    expect(alertTitle(alert, 'fr')).toBe(fr);
  });

  it('follows the screen’s language when none is given', () => {
    const alert = anAlert('a', { words: { kind: 'sos', callsign: 'BOR-FPU-2' } });
    const before = useLangStore.getState().lang;
    try {
      useLangStore.getState().setLang('fr');
      expect(alertTitle(alert)).toBe('SOS de BOR-FPU-2');
      useLangStore.getState().setLang('en');
      expect(alertTitle(alert)).toBe('SOS from BOR-FPU-2');
    } finally {
      useLangStore.getState().setLang(before);
    }
  });

  it('shows the English title as sent when the alert has no words, or words of another kind', () => {
    const old = anAlert('a', { title: 'SOS from BOR-FPU-2', words: null });
    expect(alertTitle(old, 'fr')).toBe('SOS from BOR-FPU-2');
    const mismatched = anAlert('b', { kind: 'unit-lost', title: 'MAL-IPO-7 lost: no report', words: { kind: 'sos', callsign: 'MAL-IPO-7' } });
    expect(alertTitle(mismatched, 'fr')).toBe('MAL-IPO-7 lost: no report');
  });
});
