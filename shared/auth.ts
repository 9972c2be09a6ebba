import { z } from 'zod';
import { UnitId } from './units.js';

/**
 * Who may do what. `viewer` is the wall display (read-only); `device` is a tracker that may
 * only report its own unit's positions.
 */
export const Role = z.enum(['admin', 'commander', 'operator', 'viewer', 'device']);
export type Role = z.infer<typeof Role>;

/** Roles a person's account can have (a device is never a person). */
export const UserRole = Role.exclude(['device']);
export type UserRole = z.infer<typeof UserRole>;

export const Permission = z.enum([
  'map:read',
  'units:manage',
  'positions:report',
  'incidents:report',
  'incidents:manage',
  /** victim and witness details, exact location of sensitive incidents */
  'incidents:read-sensitive',
  'alerts:ack',
  'users:manage',
  'tokens:manage',
  'audit:read',
]);
export type Permission = z.infer<typeof Permission>;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    'map:read',
    'units:manage',
    'positions:report',
    'incidents:report',
    'incidents:manage',
    'alerts:ack',
    'users:manage',
    'tokens:manage',
    'audit:read',
  ],
  commander: ['map:read', 'incidents:report', 'incidents:manage', 'alerts:ack'],
  operator: ['map:read', 'incidents:report', 'incidents:manage', 'alerts:ack'],
  viewer: ['map:read'],
  device: ['positions:report'],
};

/** Need-to-know is granted per person on top of the role, and never to a viewer or device. */
export function permissionsOf(role: Role, sensitive: boolean): Set<Permission> {
  const set = new Set(ROLE_PERMISSIONS[role]);
  if (sensitive && role !== 'viewer' && role !== 'device') set.add('incidents:read-sensitive');
  return set;
}

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9._-]+$/i, 'letters, digits and . _ - only');

/** A person's account as the admin page and `/api/auth/me` show it. */
export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: UserRole,
  sensitive: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.number().int(),
});
export type User = z.infer<typeof User>;

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(500),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** Who the browser is signed in as, and the token it must send with every change. */
export const Me = z.object({
  kind: z.enum(['user', 'wall']),
  name: z.string(),
  role: Role,
  permissions: z.array(Permission),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const NewUser = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(80),
  role: UserRole,
  sensitive: z.boolean().default(false),
  /** leave out to have the server choose one and show it once */
  password: z.string().min(12).max(200).optional(),
});
export type NewUser = z.input<typeof NewUser>;

export const UserChange = z
  .object({
    displayName: z.string().trim().min(1).max(80),
    role: UserRole,
    sensitive: z.boolean(),
    disabled: z.boolean(),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, 'name at least one of displayName, role, sensitive, disabled');
export type UserChange = z.infer<typeof UserChange>;

export const PasswordReset = z.object({ password: z.string().min(12).max(200).optional() });

export const DeviceToken = z.object({
  id: z.string(),
  unitId: UnitId,
  label: z.string(),
  createdAt: z.number().int(),
  createdBy: z.string(),
  revokedAt: z.number().int().nullable(),
});
export type DeviceToken = z.infer<typeof DeviceToken>;

export const NewDeviceToken = z.object({ unitId: UnitId, label: z.string().trim().min(1).max(80) });

export const WallLink = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.number().int(),
  createdBy: z.string(),
  revokedAt: z.number().int().nullable(),
});
export type WallLink = z.infer<typeof WallLink>;

export const NewWallLink = z.object({ label: z.string().trim().min(1).max(80) });

export const AuditEntry = z.object({
  seq: z.number().int(),
  time: z.number().int(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
