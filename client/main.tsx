import './zodSetup.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadStatic } from './http/load.js';
import { createSession } from './http/session.js';
import { browserWorkerContainer, startOfflineCopy } from './offline/offlineCopy.js';
import { Root } from './Root.js';
import { startFeed } from './realtime/feed.js';
import { SessionProvider } from './session/context.js';
import { whileSignedIn } from './session/whileSignedIn.js';
import { StoreProvider } from './state/context.js';
import { loadLayers, persistLayers } from './state/persist.js';
import { createOpsStore } from './state/store.js';
import './styles.css';

// Start-up wiring: the one place that creates the store and starts the network.
const store = createOpsStore({ layers: loadLayers(window.localStorage) });
persistLayers(store, window.localStorage);
const session = createSession(store);

// The map's data and the live feed run only while someone is signed in; either one hearing
// "unauthenticated" has the session confirm it and show the sign-in page.
whileSignedIn(store, () => {
  const stopLoading = loadStatic(store, { onUnauthenticated: () => void session.expired() });
  const stopFeed = startFeed(store, {
    onRefused: (reason) => {
      if (reason === 'unauthenticated') void session.expired();
    },
  });
  return () => {
    stopLoading();
    stopFeed();
  };
});
// The offline copy (client/offline/): the built app only, never the dev server's hot reload
// (whatever NODE_ENV the build ran under: the browser tests build under NODE_ENV=test).
if (!import.meta.hot) {
  startOfflineCopy(store, {
    container: browserWorkerContainer(),
    caches: window.isSecureContext ? window.caches : undefined,
    reload: () => loadStatic(store, { onUnauthenticated: () => void session.expired() }),
  });
}
void session.check();

const exposeMapForTests = new URLSearchParams(window.location.search).get('test') === '1';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <SessionProvider session={session}>
        <Root exposeMapForTests={exposeMapForTests} />
      </SessionProvider>
    </StoreProvider>
  </StrictMode>,
);
