/** Loads a JSON resource for a view; reloads when the URL changes; `null` skips. */
import { useEffect, useState } from 'preact/hooks'
import { getJson } from './client.js'

export interface Loaded<T> {
  data: T | undefined
  error: string | undefined
  loading: boolean
}

const cache = new Map<string, Promise<unknown>>()

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

export function useApi<T>(path: string | null, params: URLSearchParams = new URLSearchParams()): Loaded<T> {
  const key = path === null ? null : `${path}?${params}`
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
  }, [key])
  return state
}
