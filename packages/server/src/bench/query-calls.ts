/**
 * The API calls the dashboard makes (packages/dashboard/src/views), as the
 * query benchmark times them: the overview, the services list, one
 * service's page and the life situations.
 */

export interface DashboardCall {
  name: string
  path: string
  /** Ceiling of the warm median at 10M events (issue 11). */
  targetMs: number
  /** Reads raw events by design (comments, an ad-hoc window), so the raw-scan ceiling applies. */
  raw?: boolean
}

const FLAGS_MS = 300
const ROLLUP_MS = 100
const RAW_MS = 1000

/** The calls for a service (the busiest one of the generated portfolio). */
export function dashboardCalls(service: string, now: number): DashboardCall[] {
  const s = `service=${encodeURIComponent(service)}`
  // An ad-hoc window: not whole days, last 7 days to this minute, so rollups cover less and raw events more.
  const adHoc = `from=${now - 7 * 86_400_000 - 3_600_000}&to=${now}`
  return [
    { name: 'overview: services', path: '/v1/metrics/services', targetMs: ROLLUP_MS },
    { name: 'overview: distribution', path: '/v1/metrics/distribution', targetMs: ROLLUP_MS },
    { name: 'overview: flags', path: '/v1/flags?lang=en', targetMs: FLAGS_MS },
    { name: 'services: weekly trends', path: '/v1/metrics/timeseries?bucket=week', targetMs: ROLLUP_MS },
    { name: 'service: figures', path: `/v1/metrics/services?${s}`, targetMs: ROLLUP_MS },
    { name: 'service: daily trends', path: `/v1/metrics/timeseries?${s}&bucket=day`, targetMs: ROLLUP_MS },
    { name: 'service: distribution', path: `/v1/metrics/distribution?${s}`, targetMs: ROLLUP_MS },
    { name: 'service: funnel', path: `/v1/metrics/funnel?${s}`, targetMs: ROLLUP_MS },
    { name: 'service: flags', path: `/v1/flags?${s}`, targetMs: FLAGS_MS },
    { name: 'service: breakdown by segment', path: `/v1/metrics/breakdown?${s}&by=segment`, targetMs: ROLLUP_MS },
    { name: 'service: comments', path: `/v1/comments?${s}&limit=10`, targetMs: RAW_MS, raw: true },
    { name: 'service: comment terms', path: `/v1/comments/terms?${s}`, targetMs: RAW_MS, raw: true },
    { name: 'life situations: breakdown', path: '/v1/metrics/breakdown?by=life_situation', targetMs: ROLLUP_MS },
    { name: 'ad-hoc: breakdown by device, 7 days to the minute', path: `/v1/metrics/breakdown?by=device&${adHoc}`, targetMs: RAW_MS, raw: true },
  ]
}
