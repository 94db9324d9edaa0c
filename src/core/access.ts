/**
 * Who may call a route. Every API route states one (the server refuses to start otherwise),
 * so the role a route needs is written in one place, beside the route. Roles are ranked:
 * a role may do everything the roles below it may.
 */
export const ROLES = ['viewer', 'documenter', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type Access = 'public' | Role;

export function roleRank(role: Role): number {
  return ROLES.indexOf(role) + 1;
}

/** Whether an account of this role (or nobody, for anonymous) may use a route needing `access`. */
export function allows(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  return role !== null && roleRank(role) >= roleRank(access);
}

export interface RouteAccess {
  access: Access;
}
