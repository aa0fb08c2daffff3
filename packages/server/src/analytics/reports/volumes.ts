/** `GET /v1/metrics/volumes`: events per service and type (every type listed). */
import type { z } from 'zod'
import { EVENT_TYPES } from '@otklik/contract/rules'
import type { Store } from '../../storage/store.js'
import type { Scope } from '../filters.js'
import { eventCounts } from '../queries/event-counts.js'
import type { VolumesResponse } from '@otklik/contract/schemas'
import { windowBody, type ReportOptions } from './options.js'

export type VolumesBody = z.infer<typeof VolumesResponse>

export async function volumesReport(store: Store, scope: Scope, opts: ReportOptions = {}): Promise<VolumesBody> {
  const rows = await eventCounts(store, scope, { source: opts.source })
  const by = new Map<string, Record<string, number>>()
  for (const r of rows) {
    let events = by.get(r.service)
    if (!events) by.set(r.service, (events = Object.fromEntries(EVENT_TYPES.map((t) => [t, 0]))))
    events[r.type] = (events[r.type] ?? 0) + r.events
  }
  return {
    window: windowBody(scope.window),
    services: [...by.entries()].map(([service, events]) => ({ service, total: Object.values(events).reduce((a, b) => a + b, 0), events })),
  }
}
