/** Posting batches over real HTTP, as a browser or an app would. */
import type { OtklikEvent } from '@otklik/contract/types'
import { batch } from './events.js'

export interface PostResult {
  status: number
  body: { accepted?: number; rejected?: unknown[]; error?: { code: string; message: string } }
}

export async function postEvents(
  url: string,
  events: OtklikEvent[],
  opts: { site?: string; origin?: string; headers?: Record<string, string> } = {},
): Promise<PostResult> {
  const res = await fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(opts.origin ? { origin: opts.origin } : {}),
      ...opts.headers,
    },
    body: JSON.stringify(batch(events, opts.site)),
  })
  return { status: res.status, body: (await res.json()) as PostResult['body'] }
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function inParallel<T, R>(items: readonly T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++
        results[i] = await task(items[i] as T)
      }
    }),
  )
  return results
}
