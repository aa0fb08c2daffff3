/**
 * The one way to the API: same origin, the token as a bearer header, JSON
 * with errors in the server's words, and CSV through fetch → Blob → object
 * URL (the token never goes into a link).
 */
import { forgetToken, token } from '../state/session.js'
import type { ErrorBody } from '@otklik/contract/types'

export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

const headers = (accept: string, bearer: string | null = token.value): HeadersInit => ({
  accept,
  ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
})

async function fail(res: Response): Promise<never> {
  let message = `${res.status} ${res.statusText}`
  try {
    message = ((await res.json()) as ErrorBody).error.message
  } catch {
    // Not the API's JSON error: keep the status line.
  }
  // An expired or revoked token: back to the sign-in view.
  if (res.status === 401) forgetToken()
  throw new RequestError(res.status, message)
}

export function url(path: string, params?: URLSearchParams): string {
  const q = params?.toString()
  return `/v1${path}${q ? `?${q}` : ''}`
}

export async function getJson<T>(path: string, params?: URLSearchParams, bearer?: string): Promise<T> {
  const res = await fetch(url(path, params), { headers: headers('application/json', bearer) })
  if (!res.ok) return fail(res)
  return (await res.json()) as T
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(url(path), { method: 'POST', headers: { ...headers('application/json'), 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (!res.ok) return fail(res)
  return (await res.json()) as T
}

/** Saves a blob under a file name through a temporary object URL. */
export function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = fileName
  a.hidden = true
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}

export async function downloadCsv(path: string, params: URLSearchParams, fileName: string): Promise<void> {
  const res = await fetch(url(path, params), { headers: headers('text/csv') })
  if (!res.ok) return fail(res)
  saveBlob(await res.blob(), fileName)
}
