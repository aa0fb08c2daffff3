/**
 * Token scopes, each including the ones below it. A manager acts on flags
 * (acknowledge, plan, resolve, decline) besides what an analyst may do.
 */
export const SCOPES = ['viewer', 'analyst', 'manager', 'admin'] as const
export type Scope = (typeof SCOPES)[number]

/** What a route needs: a scope, or `public` for no token at all. */
export type Access = Scope | 'public'

export const allows = (have: Scope, need: Scope): boolean => SCOPES.indexOf(have) >= SCOPES.indexOf(need)
