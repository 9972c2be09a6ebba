import type { OfflineCopyPath } from './protocol.js';

/**
 * True when an answer says nobody is signed in any more: a 401 from any kept route, or
 * `/api/auth/me` answering null. The offline copy must then go, so that the next person on a
 * shared laptop does not open the last one's dashboard without a link.
 */
export function meansSignedOut(path: OfflineCopyPath, status: number, body: unknown): boolean {
  if (status === 401) return true;
  if (path !== '/api/auth/me' || status < 200 || status >= 300) return false;
  return typeof body === 'object' && body !== null && 'ok' in body && body.ok === true && 'data' in body && body.data === null;
}

/** A failure of the server or of a proxy in front of it (the link itself may be fine): try the copy. */
export function isServerFailure(status: number): boolean {
  return status >= 500;
}

/** Only a complete, successful answer is kept. */
export function isWorthKeeping(status: number): boolean {
  return status === 200;
}
