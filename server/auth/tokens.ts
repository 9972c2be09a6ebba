import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret: 32 random bytes, URL-safe. Only its hash is ever stored. */
export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** What the store keeps of a token: enough to recognise it, never enough to use it. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
