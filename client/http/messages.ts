import { defineMessages } from '../i18n/messages.js';

/**
 * What the client itself says when a request fails (the server's own refusals are shown as sent),
 * and the names of the three things the map loads, for the banner "Mission pack: …".
 */
export const httpMessages = defineMessages({
  en: {
    config: 'Configuration',
    pack: 'Mission pack',
    basemap: 'Base map',
    loadFailed: (what: string, why: string) => `${what}: ${why}`,
    noAnswer: (url: string) => `the server did not answer (${url})`,
    notJson: (url: string, status: number) => `${url} answered ${status} with something that is not JSON`,
    unreadableAnswer: (url: string, status: number) => `${url} answered ${status} with something the client cannot read`,
    unreadableData: (url: string, detail: string) => `${url} sent data the client cannot read: ${detail}`,
  },
  fr: {
    config: 'Configuration',
    pack: 'Dossier de mission',
    basemap: 'Fond de carte',
    loadFailed: (what, why) => `${what} : ${why}`,
    noAnswer: (url) => `le serveur n’a pas répondu (${url})`,
    notJson: (url, status) => `${url} a répondu ${status} avec un contenu qui n’est pas du JSON`,
    unreadableAnswer: (url, status) => `${url} a répondu ${status} avec un contenu illisible pour le client`,
    unreadableData: (url, detail) => `${url} a envoyé des données illisibles pour le client : ${detail}`,
  },
});
