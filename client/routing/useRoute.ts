import { useSyncExternalStore } from 'react';
import { pathOf, routeOf, type Route } from './route.js';

const NAVIGATED = 'ops:navigated';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

const currentPath = () => window.location.pathname;

/** The page the address shows; follows Back and Forward. */
export function useRoute(): Route {
  return routeOf(useSyncExternalStore(subscribe, currentPath));
}

/** Goes to a page without reloading, keeping the query string; Back returns. */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const url = `${pathOf(route)}${window.location.search}`;
  if (`${window.location.pathname}${window.location.search}` === url) return;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATED));
}
