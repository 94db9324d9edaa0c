/**
 * Who may call a route. Every API route states one (the server refuses to start otherwise),
 * so the role a route needs is written in one place, beside the route.
 */
export type Access = 'public' | 'viewer' | 'documenter' | 'analyst' | 'admin';

export interface RouteAccess {
  access: Access;
}
