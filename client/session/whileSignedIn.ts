import { meOf } from '../state/session.js';
import { withoutServerData, type OpsStore } from '../state/store.js';

/**
 * Runs `start` (loading, the live feed) while someone is signed in, and stops it the moment
 * nobody is, clearing what the server sent. Returns a function that stops watching.
 */
export function whileSignedIn(store: OpsStore, start: () => () => void): () => void {
  let stop: (() => void) | null = null;
  const apply = () => {
    const signedIn = meOf(store.getState().session) !== null;
    if (signedIn && !stop) {
      stop = start();
    } else if (!signedIn && stop) {
      const stopping = stop;
      stop = null;
      stopping();
      store.setState(withoutServerData());
    }
  };
  const unsubscribe = store.subscribe(apply);
  apply();
  return () => {
    unsubscribe();
    stop?.();
    stop = null;
  };
}
