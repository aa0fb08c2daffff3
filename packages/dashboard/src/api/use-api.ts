/** Loads a JSON resource for a view; reloads when the URL changes or after a change of data; `null` skips. */
import { signal } from '@preact/signals'
import { useEffect, useState } from 'preact/hooks'
import { getJson } from './client.js'

export interface Loaded<T> {
  data: T | undefined
  error: string | undefined
  loading: boolean
}

const cache = new Map<string, Promise<unknown>>()
/** Bumped after the app changes data (a flag moved): every loaded view fetches again. */
const version = signal(0)

export function fetchCached<T>(path: string, params: URLSearchParams): Promise<T> {
  const key = `${path}?${params}`
  let p = cache.get(key)
  if (!p) {
    p = getJson<T>(path, params)
    cache.set(key, p)
    // A failed request is tried again next time.
    p.catch(() => cache.delete(key))
  }
  return p as Promise<T>
}

export const clearCache = (): void => cache.clear()

/** After a change made through the API: forget what was loaded and load it again. */
export function reloadAll(): void {
  cache.clear()
  version.value++
}

export function useApi<T>(path: string | null, params: URLSearchParams = new URLSearchParams()): Loaded<T> {
  const key = path === null ? null : `${path}?${params}`
  const v = version.value
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: key !== null })
  useEffect(() => {
    if (path === null) return
    let live = true
    setState((s) => ({ data: s.data, error: undefined, loading: true }))
    fetchCached<T>(path, params).then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (e: Error) => live && setState({ data: undefined, error: e.message, loading: false }),
    )
    return () => {
      live = false
    }
  }, [key, v])
  return state
}
