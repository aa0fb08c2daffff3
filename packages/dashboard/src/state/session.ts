/**
 * The token lives in sessionStorage (this tab only, never in a URL); `me`
 * is what GET /v1/me says about it, so views can leave out what the scope
 * cannot read instead of showing errors.
 */
import { SCOPES } from '@otklik/contract/rules'
import { signal } from '@preact/signals'
import type { Me } from '@otklik/contract/types'

const KEY = 'otklik.token'

const stored = (): string | null => {
  try {
    return sessionStorage.getItem(KEY)
  } catch {
    return null
  }
}

export const token = signal<string | null>(stored())
export const me = signal<Me | null>(null)

export function keepToken(value: string, who: Me): void {
  try {
    sessionStorage.setItem(KEY, value)
  } catch {
    // Storage refused (private mode): the token stays in memory for this page.
  }
  token.value = value
  me.value = who
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY)
  } catch {
    // Nothing stored.
  }
  token.value = null
  me.value = null
}

// Scopes include the ones below them (a manager or an admin reads what an analyst reads).
const atLeast = (scope: Me['scope']): boolean => SCOPES.indexOf(me.value?.scope ?? 'viewer') >= SCOPES.indexOf(scope)
export const canReadComments = (): boolean => atLeast('analyst')
/** Moving a flag (acknowledge, plan, resolve, decline) is for those who act on flags. */
export const canActOnFlags = (): boolean => atLeast('manager')
