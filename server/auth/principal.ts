import { permissionsOf, type Permission, type Role } from '../../shared/auth.js';

/** Someone signed in through the browser: a person, or a wall display opened from its link. */
export interface SessionPrincipal {
  kind: 'user' | 'wall';
  /** how the audit log names them: the username, or `wall:<label>` */
  actor: string;
  name: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  userId: string | null;
  wallLinkId: string | null;
  sessionHash: string;
  csrfToken: string;
}

/** A tracker that presented its device token. */
export interface DevicePrincipal {
  kind: 'device';
  actor: string;
  role: 'device';
  permissions: ReadonlySet<Permission>;
  unitId: string;
  tokenId: string;
}

export type Principal = SessionPrincipal | DevicePrincipal;

export function devicePrincipal(unitId: string, tokenId: string): DevicePrincipal {
  return { kind: 'device', actor: `device:${unitId}`, role: 'device', permissions: permissionsOf('device', false), unitId, tokenId };
}

export const can = (principal: Principal | undefined, permission: Permission): boolean =>
  principal !== undefined && principal.permissions.has(permission);
