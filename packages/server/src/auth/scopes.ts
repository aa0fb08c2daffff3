import { SCOPES } from '@otklik/contract/rules'

/** Token scopes, each including the ones below it. */
export { SCOPES }
export type Scope = (typeof SCOPES)[number]

/** What a route needs: a scope, or `public` for no token at all. */
export type Access = Scope | 'public'

export const allows = (have: Scope, need: Scope): boolean => SCOPES.indexOf(have) >= SCOPES.indexOf(need)
