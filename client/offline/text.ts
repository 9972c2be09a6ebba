import { defineMessages } from '../i18n/messages.js';

/**
 * The notice at the foot of the map while it is drawn from the offline copy kept by the browser.
 * (client/offline/messages.ts is the service worker's protocol, not words on screen.)
 */
export const offlineText = defineMessages({
  en: {
    /** "14:02 Juba", or "Sat 21 Nov 2026, 14:02 Juba" when the copy is from another day */
    asOf: (date: string | null, time: string) => `${date ? `${date}, ` : ''}${time} Juba`,
    updatingHeadline: 'UPDATING THE MAP',
    updatingDetail: (asOf: string) => `Live positions are back. Map and sites shown are still the offline copy of ${asOf}, until the new copy arrives.`,
    offlineHeadline: 'OFFLINE COPY',
    offlineDetail: (asOf: string) => `Map and sites as of ${asOf}. No live positions, incidents or alerts until the link returns.`,
  },
  fr: {
    asOf: (date, time) => `${date ? `${date} à ` : ''}${time} (heure de Juba)`,
    updatingHeadline: 'MISE À JOUR DE LA CARTE',
    updatingDetail: (asOf) =>
      `Les positions en direct sont revenues. La carte et les sites affichés restent ceux de la copie hors ligne datant de ${asOf}, jusqu’à l’arrivée de la nouvelle copie.`,
    offlineHeadline: 'COPIE HORS LIGNE',
    offlineDetail: (asOf) => `Carte et sites datant de ${asOf}. Ni positions en direct, ni incidents, ni alertes tant que la liaison n’est pas rétablie.`,
  },
});
