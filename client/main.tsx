import './zod-config.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadStatic } from './http/load.js';
import { App } from './App.js';
import { startFeed } from './realtime/feed.js';
import { StoreProvider } from './state/context.js';
import { loadLayers, persistLayers } from './state/persist.js';
import { createOpsStore } from './state/store.js';
import './styles.css';

// Start-up wiring: the one place that creates the store and starts the network.
const store = createOpsStore({ layers: loadLayers(window.localStorage) });
persistLayers(store, window.localStorage);
loadStatic(store);
startFeed(store);

const exposeMapForTests = new URLSearchParams(window.location.search).get('test') === '1';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App exposeMapForTests={exposeMapForTests} />
    </StoreProvider>
  </StrictMode>,
);
