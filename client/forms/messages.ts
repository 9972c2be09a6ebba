import { defineMessages } from '../i18n/messages.js';

/** What the forms say about a refused submission, where the client words it itself. */
export const formMessages = defineMessages({
  en: {
    required: 'Required.',
    atLeast: (n: number) => `At least ${n} characters.`,
    atMost: (n: number) => `At most ${n} characters.`,
    chooseOption: 'Choose one of the options.',
    noServer: 'Cannot reach the server. Check the network link and try again.',
  },
  fr: {
    required: 'Obligatoire.',
    atLeast: (n) => `Au moins ${n} caractères.`,
    atMost: (n) => `Au plus ${n} caractères.`,
    chooseOption: 'Choisissez l’une des options.',
    noServer: 'Serveur injoignable. Vérifiez la liaison réseau et réessayez.',
  },
});
