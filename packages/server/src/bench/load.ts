/**
 * One load run with autocannon over loopback: every request a fresh visit
 * (new ids), so that nothing is deduplicated away. The same settings load
 * Otklik and the bare handler, so their figures compare.
 */
import autocannon from 'autocannon'
import { BENCH_ORIGIN, BENCH_USER_AGENT, VisitorBatches } from './visitor-batches.js'

export interface LoadOptions {
  url: string
  durationS: number
  connections: number
  eventsPerRequest: number
  site: string
  /** Requests per second over all connections; absent = as fast as the server answers. */
  rate?: number | undefined
}

export interface LoadResult {
  seconds: number
  requestsPerS: number
  eventsPerS: number
  p50Ms: number
  p99Ms: number
  /** Connection errors and timeouts. */
  errors: number
  non2xx: number
  /** Sum of `accepted` over the 202 answers (the bare handler answers it too). */
  accepted: number
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const batches = new VisitorBatches(o.eventsPerRequest, o.site)
  let accepted = 0
  const result = await autocannon({
    url: `${o.url}/v1/events`,
    duration: o.durationS,
    connections: o.connections,
    ...(o.rate ? { overallRate: Math.max(1, Math.round(o.rate)) } : {}),
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const { body, forwardedFor } = batches.next()
          return {
            ...request,
            body,
            headers: { 'content-type': 'application/json', origin: BENCH_ORIGIN, 'user-agent': BENCH_USER_AGENT, 'x-forwarded-for': forwardedFor },
          }
        },
        onResponse: (status, body) => {
          if (status === 202) accepted += (JSON.parse(body) as { accepted?: number }).accepted ?? 0
        },
      },
    ],
  })
  const ok = result['2xx']
  return {
    seconds: result.duration,
    requestsPerS: ok / result.duration,
    eventsPerS: accepted / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    accepted,
  }
}
