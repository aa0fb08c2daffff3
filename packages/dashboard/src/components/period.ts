/** The API parameters of the current view, and those of the period before it. */
import type { Window } from '@otklik/contract/types'
import { apiFilters } from '../state/url.js'

export function withParams(base: URLSearchParams, extra: Record<string, string>): URLSearchParams {
  const out = new URLSearchParams(base)
  for (const [k, v] of Object.entries(extra)) out.set(k, v)
  return out
}

/** The window of the same length just before `w` (what the flags call the baseline). */
export function previousParams(base: URLSearchParams, w: Window): URLSearchParams {
  const from = Date.parse(w.from)
  const to = Date.parse(w.to)
  return withParams(base, { from: new Date(from - (to - from)).toISOString(), to: w.from })
}

export { apiFilters }
