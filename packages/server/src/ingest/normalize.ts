/**
 * Turns a validated envelope into rows: each event is parsed on its own (one
 * bad event never drops its neighbours), timestamps are checked against the
 * window after correcting the client's clock, and the server's fields are added.
 */
import type { z } from 'zod'
import { LIMITS, cleanPath, scrubPath } from '@otklik/contract/rules'
import { EventSchema, issueReason } from '@otklik/contract/schemas'
import { scrubAllPii } from '@otklik/contract/scrub-pii-people'
import type { OtklikEvent } from '@otklik/contract/types'
import { withoutNulls } from '../http/absent-nulls.js'
import { NO_ID, type EventRow } from '../storage/events-store.js'
import type { DeviceInfo } from './user-agent.js'

export interface Rejection {
  index: number
  reason: string
  /** A short, bounded label for metrics. */
  code: string
}

export interface NormalizeContext {
  siteKey: string
  /** App sites may send batches collected offline, so reach further back. */
  offline: boolean
  receivedAt: number
  sentAt?: number | undefined
  sdk?: string | undefined
  device: DeviceInfo
  /** false for history imports: any age in the past is allowed. */
  checkWindow?: boolean
}

export interface Normalized {
  rows: EventRow[]
  rejected: Rejection[]
  /** The correction applied to the client's timestamps, when it was off. */
  clockSkewMs?: number
}

function clockSkew(receivedAt: number, sentAt: number | undefined): number | undefined {
  if (sentAt === undefined) return undefined
  const skew = receivedAt - sentAt
  return Math.abs(skew) > LIMITS.clockSkewToleranceMs ? skew : undefined
}

const skewNote = (skew: number | undefined) =>
  skew === undefined ? '' : ` (after correcting the client's clock by ${Math.round(skew / 1000)} s, judged by sent_at)`

export function normalizeEvents(events: readonly unknown[], ctx: NormalizeContext): Normalized {
  const skew = clockSkew(ctx.receivedAt, ctx.sentAt)
  const rows: EventRow[] = []
  const rejected: Rejection[] = []
  const seen = new Set<string>()
  events.forEach((raw, index) => {
    // null for an optional field is that field absent (the CLI's history import comes here without the app's hook).
    const parsed = EventSchema.safeParse(withoutNulls(raw))
    if (!parsed.success) {
      rejected.push({ index, ...describeIssue(parsed.error.issues[0]) })
      return
    }
    const e = parsed.data
    const ts = e.ts + (skew ?? 0)
    // History may be of any age, but never from the future (a clock error,
    // and past 2106 beyond what the TTL expression can date).
    if (ts > ctx.receivedAt + LIMITS.maxFutureMs) {
      rejected.push({ index, code: 'ts_future', reason: `ts: is more than 24 h in the future${skewNote(skew)}` })
      return
    }
    if (ctx.checkWindow !== false) {
      const maxPast = ctx.offline ? LIMITS.maxPastOfflineMs : LIMITS.maxPastMs
      if (ts < ctx.receivedAt - maxPast) {
        rejected.push({ index, code: 'ts_past', reason: `ts: is more than ${maxPast / 86_400_000} days in the past${skewNote(skew)}` })
        return
      }
    }
    const id = e.id.toLowerCase()
    if (seen.has(id)) {
      rejected.push({ index, code: 'duplicate_id', reason: 'id: appears twice in this batch' })
      return
    }
    seen.add(id)
    rows.push(toRow(e, id, ts, ctx))
  })
  return skew === undefined ? { rows, rejected } : { rows, rejected, clockSkewMs: skew }
}

function toRow(e: OtklikEvent, id: string, ts: number, ctx: NormalizeContext): EventRow {
  return {
    id,
    ts,
    received_at: ctx.receivedAt,
    site_id: ctx.siteKey,
    type: e.type,
    session: e.session?.toLowerCase() ?? NO_ID,
    journey: e.journey?.toLowerCase() ?? NO_ID,
    service: e.service ?? '',
    life_situation: e.life_situation ?? '',
    step: e.step ?? '',
    channel: e.channel ?? (ctx.offline ? 'other' : 'web'),
    segment: e.segment ?? '',
    locale: e.locale?.toLowerCase() ?? '',
    device: ctx.device.device,
    browser: ctx.device.browser,
    os: ctx.device.os,
    path: e.path === undefined ? '' : scrubPath(cleanPath(e.path)).slice(0, LIMITS.maxPathChars),
    error_code: e.error_code ?? '',
    metric: e.metric ?? '',
    question: e.question ?? '',
    score: e.score ?? null,
    comment: e.comment === undefined ? '' : scrubAllPii(e.comment).text,
    sdk: ctx.sdk ?? '',
  }
}

const FIELD_CODES = new Set(Object.keys(EventSchema.shape ?? {}))

function describeIssue(issue: z.core.$ZodIssue | undefined): { code: string; reason: string } {
  const head = issue?.path[0]
  const code =
    issue?.code === 'unrecognized_keys' ? 'unknown_field' : typeof head === 'string' && FIELD_CODES.has(head) ? `invalid_${head}` : 'invalid'
  return { code, reason: issueReason(issue) }
}
