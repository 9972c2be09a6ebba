import type { Me } from '../../shared/auth.js';

/**
 * Why nobody is signed in, worded on the sign-in page in the reader's language: they signed
 * out, their session ended, or (a wall display) its wall link was revoked or expired.
 */
export type SignedOutReason = 'signed-out' | 'ended' | 'wall-ended';

/**
 * Where the browser stands with the server: still asking, signed out (and why), or signed in
 * as someone. Nothing but the sign-in page is shown until it is `signed-in`.
 */
export type SessionState =
  | { status: 'checking'; problem: string | null }
  | { status: 'signed-out'; reason: SignedOutReason | null }
  | { status: 'signed-in'; me: Me };

/** The signed-in identity, or null. */
export function meOf(session: SessionState): Me | null {
  return session.status === 'signed-in' ? session.me : null;
}
