import { useEffect } from 'react';
import { App } from './App.js';
import { chromeMessages } from './chrome/messages.js';
import { useMessages } from './i18n/messages.js';
import { CheckingPage } from './session/CheckingPage.js';
import { LoginPage } from './session/LoginPage.js';
import { isWallView } from './session/wall.js';
import { useOps } from './state/context.js';

/** Nothing of the map until the server knows who is looking: checking, sign-in, or the dashboard. */
export function Root({ exposeMapForTests }: { exposeMapForTests: boolean }) {
  const status = useOps((s) => s.session.status);
  const productName = useMessages(chromeMessages).productName;
  // The browser tab says the product's name in the chosen language.
  useEffect(() => {
    document.title = productName;
  }, [productName]);
  if (status === 'checking') return <CheckingPage />;
  if (status === 'signed-out') return <LoginPage wall={isWallView(null, window.location.search)} />;
  return <App exposeMapForTests={exposeMapForTests} />;
}
