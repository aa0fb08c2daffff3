/**
 * `GET /v1/metrics/funnel`: per service, the steps of the journeys started
 * in the window, in funnel order, with reach and drop-off.
 *
 * Order: by median position (each journey ranks the steps it reached by
 * first arrival, 1 = first), then by more journeys reached, then by name.
 * A journey that did not complete leaves at the step it reached last (by
 * first arrival); drop-off rate of a step = journeys that left there /
 * journeys that reached it.
 */
import type { z } from 'zod'
import type { Store } from '../../storage/store.js'
import type { Scope } from '../filters.js'
import { groupBy } from '../group-by.js'
import { funnelSteps, type FunnelStepRow } from '../queries/funnel-steps.js'
import { journeySummary } from '../queries/journey-summary.js'
import type { FunnelResponse } from '@otklik/contract/schemas'
import { windowBody, type ReportOptions } from './options.js'

export type FunnelBody = z.infer<typeof FunnelResponse>
export type Funnel = FunnelBody['funnels'][number]

export async function funnelReport(store: Store, scope: Scope, opts: ReportOptions = {}): Promise<FunnelBody> {
  const [summary, steps] = await Promise.all([journeySummary(store, scope, { source: opts.source }), funnelSteps(store, scope, opts)])
  return { window: windowBody(scope.window), funnels: buildFunnels(summary, steps) }
}

export function buildFunnels(summary: readonly { service: string; started: number; completed: number }[], rows: readonly FunnelStepRow[]): Funnel[] {
  const byService = groupBy(rows, (r) => r.service)
  return summary.map(({ service, started, completed }) => {
    const steps = orderSteps(byService.get(service) ?? []).map((s, i) => ({
      step: s.step,
      position: i + 1,
      median_position: s.median,
      reached: s.reached,
      reach_rate: started > 0 ? s.reached / started : null,
      left: s.left,
      drop_off_rate: s.reached > 0 ? s.left / s.reached : null,
    }))
    const leftAtSteps = steps.reduce((a, s) => a + s.left, 0)
    return {
      service,
      started,
      completed,
      completion_rate: started > 0 ? completed / started : null,
      left_without_step: started - completed - leftAtSteps,
      steps,
    }
  })
}

interface StepTotals {
  step: string
  reached: number
  left: number
  median: number
}

function orderSteps(rows: readonly FunnelStepRow[]): StepTotals[] {
  const by = new Map<string, { reached: number; left: number; positions: Map<number, number> }>()
  for (const r of rows) {
    let s = by.get(r.step)
    if (!s) by.set(r.step, (s = { reached: 0, left: 0, positions: new Map() }))
    s.reached += r.journeys
    s.left += r.left
    s.positions.set(r.position, (s.positions.get(r.position) ?? 0) + r.journeys)
  }
  const out = [...by.entries()].map(([step, s]) => ({ step, reached: s.reached, left: s.left, median: medianOfCounts(s.positions) }))
  return out.sort((a, b) => a.median - b.median || b.reached - a.reached || (a.step < b.step ? -1 : a.step > b.step ? 1 : 0))
}

/** Type-7 median of a sample given as value → count. */
function medianOfCounts(counts: ReadonlyMap<number, number>): number {
  const values = [...counts.entries()].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0])
  const n = values.reduce((a, [, c]) => a + c, 0)
  const h = (n - 1) / 2
  const at = (index: number) => {
    let seen = 0
    for (const [v, c] of values) {
      seen += c
      if (index < seen) return v
    }
    return values[values.length - 1]?.[0] ?? Number.NaN
  }
  const lo = at(Math.floor(h))
  return lo + (h - Math.floor(h)) * (at(Math.floor(h) + 1) - lo)
}
