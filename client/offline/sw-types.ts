/**
 * The parts of the service-worker global scope the offline worker uses. TypeScript's own
 * `webworker` library cannot sit in the same program as the DOM one the page needs, so the
 * worker declares the little it touches here.
 */

export interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

export interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  /** the page that made the request; '' for a page load */
  readonly clientId: string;
  respondWith(response: Response | Promise<Response>): void;
}

export interface WorkerClient {
  readonly id: string;
  readonly url: string;
  postMessage(message: unknown): void;
}

export interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly source: WorkerClient | null;
}

export interface WorkerClients {
  get(id: string): Promise<WorkerClient | undefined>;
  matchAll(options?: { type?: 'window' | 'worker' | 'all'; includeUncontrolled?: boolean }): Promise<WorkerClient[]>;
  claim(): Promise<void>;
}

export interface ServiceWorkerScope {
  readonly location: Location;
  readonly clients: WorkerClients;
  readonly caches: CacheStorage;
  skipWaiting(): Promise<void>;
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}
