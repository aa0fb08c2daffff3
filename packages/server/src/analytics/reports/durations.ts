/** `GET /v1/metrics/durations`: time to complete per service (type-7 quantiles). */
import type { z } from 'zod'
import type { Store } from '../../storage/store.js'
import type { Scope } from '../filters.js'
import { journeySummary } from '../queries/journey-summary.js'
import type { DurationsResponse } from '@otklik/contract/schemas'
import { windowBody, type ReportOptions } from './options.js'

export type DurationsBody = z.infer<typeof DurationsResponse>

export async function durationsReport(store: Store, scope: Scope, opts: ReportOptions = {}): Promise<DurationsBody> {
  const rows = await journeySummary(store, scope, { source: opts.source })
  return {
    window: windowBody(scope.window),
    services: rows.map((r) => ({
      service: r.service,
      completed: r.completed,
      timed: r.timed,
      p25_ms: r.quantiles[0] ?? null,
      median_ms: r.quantiles[1] ?? null,
      p75_ms: r.quantiles[2] ?? null,
      p90_ms: r.quantiles[3] ?? null,
      mean_ms: r.meanDuration,
    })),
  }
}
