import type { IncidentStatus } from '../../shared/incidents.js';

import { currentLang, type Lang } from '../i18n/lang.js';

export { nextStatuses } from '../../shared/incidents.js';

const STEP_WORDS: Record<Lang, Record<IncidentStatus, string>> = {
  en: {
    reported: 'Reopen',
    verified: 'Verify',
    responding: 'Responding',
    resolved: 'Resolve',
    closed: 'Close',
    'false-report': 'False report',
  },
  fr: {
    reported: 'Rouvrir',
    verified: 'Vérifier',
    responding: 'En intervention',
    resolved: 'Résoudre',
    closed: 'Clore',
    'false-report': 'Faux signalement',
  },
};

/** What the button that moves an incident to a status says. */
export const stepLabel = (status: IncidentStatus, lang: Lang = currentLang()): string => STEP_WORDS[lang][status];
