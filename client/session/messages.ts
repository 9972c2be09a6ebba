import { defineMessages } from '../i18n/messages.js';

/** The sign-in page and the page shown while the browser asks the server who it is. */
export const sessionMessages = defineMessages({
  en: {
    connecting: 'Connecting to the server…',
    cannotReach: 'Cannot reach the server — trying again…',
    signedOut: 'You have signed out.',
    ended: 'Your session has ended. Sign in again to continue.',
    wallEnded: 'This wall display is no longer signed in: its link was revoked or has expired. Ask an administrator for a new wall link.',
    wallNotSignedIn: 'This wall display is not signed in. Open its wall link again, or sign in.',
    username: 'Username',
    password: 'Password',
    enterBoth: 'Enter your username and password.',
    signingIn: 'Signing in…',
    signIn: 'Sign in',
    footnote: 'For authorised UNMISS personnel. Every sign-in is recorded.',
    // why a sign-in failed
    failed: 'Signing in failed. Try again.',
    wrong: 'Wrong username or password.',
    network: 'Cannot reach the server. Check the network link and try again.',
    lockedUntil: (serverText: string, juba: string) =>
      `${serverText} (${juba} Juba). Try again then, or ask an administrator to reset your password.`,
  },
  fr: {
    connecting: 'Connexion au serveur…',
    cannotReach: 'Serveur injoignable — nouvelle tentative…',
    signedOut: 'Vous êtes déconnecté.',
    ended: 'Votre session a pris fin. Reconnectez-vous pour continuer.',
    wallEnded:
      'Cet écran mural n’est plus connecté : son lien a été révoqué ou a expiré. Demandez un nouveau lien d’écran mural à un administrateur.',
    wallNotSignedIn: 'Cet écran mural n’est pas connecté. Rouvrez son lien d’écran mural, ou connectez-vous.',
    username: 'Nom d’utilisateur',
    password: 'Mot de passe',
    enterBoth: 'Saisissez votre nom d’utilisateur et votre mot de passe.',
    signingIn: 'Connexion…',
    signIn: 'Se connecter',
    footnote: 'Réservé au personnel autorisé de la MINUSS. Chaque connexion est enregistrée.',
    failed: 'La connexion a échoué. Réessayez.',
    wrong: 'Nom d’utilisateur ou mot de passe incorrect.',
    network: 'Serveur injoignable. Vérifiez la liaison réseau et réessayez.',
    lockedUntil: (serverText, juba) =>
      `${serverText} (${juba}, heure de Juba). Réessayez à ce moment-là, ou demandez à un administrateur de réinitialiser votre mot de passe.`,
  },
});
