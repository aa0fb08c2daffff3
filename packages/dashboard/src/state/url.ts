/**
 * The view, period, comparison and filters live in the URL's query string,
 * so any view is a link someone can share and a reload keeps it. `query`
 * is the one signal the views read; `navigate` changes it and the URL.
 */
import { signal } from '@preact/signals'

export const VIEWS = ['overview', 'services', 'service', 'life', 'flags'] as const
export type View = (typeof VIEWS)[number]
export const FILTERS = ['agency', 'life_situation', 'channel', 'segment', 'device', 'locale'] as const
export type FilterName = (typeof FILTERS)[number]
export const PRESETS = ['7', '28', '90'] as const

export const query = signal(new URLSearchParams(location.search))

addEventListener('popstate', () => {
  query.value = new URLSearchParams(location.search)
})

/** Sets (or, for '' and undefined, removes) parameters; a new history entry unless `replace`. */
export function navigate(patch: Record<string, string | undefined>, replace = false): void {
  const next = new URLSearchParams(query.value)
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '') next.delete(key)
    else next.set(key, value)
  }
  const url = `${location.pathname}${next.size > 0 ? `?${next}` : ''}`
  if (replace) history.replaceState(null, '', url)
  else history.pushState(null, '', url)
  query.value = next
}

/** A link's href for a patch of the current query (for real <a> elements). */
export function hrefFor(patch: Record<string, string | undefined>): string {
  const next = new URLSearchParams(query.value)
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '') next.delete(key)
    else next.set(key, value)
  }
  return `${location.pathname}${next.size > 0 ? `?${next}` : ''}`
}

export const currentView = (): View => {
  const v = query.value.get('view')
  return (VIEWS as readonly string[]).includes(v ?? '') ? (v as View) : 'overview'
}

// "The last 7 days" is anchored once per URL state: a `from` recomputed on
// every render would change the request each time and refetch for ever.
const anchors = new WeakMap<URLSearchParams, number>()
function anchorOf(q: URLSearchParams): number {
  let at = anchors.get(q)
  if (at === undefined) anchors.set(q, (at = Date.now()))
  return at
}

/**
 * The API query for the period and filters: presets send `from` (N days
 * before now) and leave `to` to the server ("now"); the default 28 days
 * sends neither, so the figures match the flags' default window exactly.
 */
export function apiFilters(q: URLSearchParams, now: number = anchorOf(q)): URLSearchParams {
  const out = new URLSearchParams()
  const period = q.get('period') ?? '28'
  if (period === 'custom') {
    const from = q.get('from')
    const to = q.get('to')
    if (from) out.set('from', from)
    if (to) out.set('to', nextDay(to))
  } else if ((PRESETS as readonly string[]).includes(period) && period !== '28') {
    out.set('from', new Date(now - Number(period) * 86_400_000).toISOString())
  }
  // `service` narrows any view to one service (a deep link; the service page sets it itself).
  for (const f of [...FILTERS, 'service']) {
    const v = q.get(f)
    if (v) out.set(f, v)
  }
  return out
}

/** The custom period's last day is inclusive on screen and exclusive in the API. */
const nextDay = (isoDay: string) => new Date(Date.parse(`${isoDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
