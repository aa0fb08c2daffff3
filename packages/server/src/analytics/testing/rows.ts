/** Event rows for analytics tests, inserted straight into `events` (any age, explicit timestamps). */
import { randomUUID } from 'node:crypto'
import { eventRow, type EventRow } from '../../storage/events-store.js'
import type { Store } from '../../storage/store.js'

export function row(over: Partial<EventRow> & Pick<EventRow, 'type' | 'ts'>): EventRow {
  return eventRow({
    id: randomUUID(),
    received_at: over.ts,
    site_id: 'demo',
    service: 'alpha',
    channel: 'web',
    segment: 'citizen',
    locale: 'ru',
    device: 'desktop',
    browser: 'Chrome',
    os: 'Windows',
    sdk: 'test',
    ...over,
  })
}

export const answer = (metric: string, score: number, ts: number, over: Partial<EventRow> = {}) =>
  row({ type: 'survey_response', metric, score, ts, ...over })

export interface JourneySpec {
  ts: number
  steps?: string[]
  /** ms after the start each step arrives (default 1000·(i+1)). */
  stepGaps?: number[]
  completeAfter?: number
  error?: boolean
  over?: Partial<EventRow>
}

/** The events of one journey: start, steps, optional error and completion. */
export function journey(spec: JourneySpec): EventRow[] {
  const id = randomUUID()
  const base = { journey: id, ...spec.over }
  const out = [row({ type: 'journey_start', ts: spec.ts, ...base })]
  ;(spec.steps ?? []).forEach((step, i) => out.push(row({ type: 'journey_step', step, ts: spec.ts + (spec.stepGaps?.[i] ?? 1000 * (i + 1)), ...base })))
  if (spec.error) out.push(row({ type: 'journey_error', error_code: 'E1', ts: spec.ts + 500, ...base }))
  if (spec.completeAfter !== undefined) out.push(row({ type: 'journey_complete', ts: spec.ts + spec.completeAfter, ...base }))
  return out
}

/** Inserts in blocks of `blockSize` (several inserts exercise the rollups' merging). */
export async function insertRows(store: Store, rows: readonly EventRow[], blockSize = 5000): Promise<void> {
  for (let i = 0; i < rows.length; i += blockSize) await store.insert('events', rows.slice(i, i + blockSize))
}

export async function addService(
  store: Store,
  id: string,
  over: Partial<{ name_ru: string; name_en: string; agency: string; life_situations: string[]; target_csat: number | null; target_nps: number | null; target_ces: number | null; target_completion: number | null; target_error_rate: number | null }> = {},
): Promise<void> {
  await store.insert('services', [{ id, name_ru: `Услуга ${id}`, name_en: `Service ${id}`, agency: 'agency-1', life_situations: [], ...over }])
}
