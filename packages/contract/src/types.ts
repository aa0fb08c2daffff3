/**
 * The event contract as plain TypeScript types. `events.ts` checks at
 * compile time that these are exactly what its zod schemas infer, so the
 * SDK can import them (type-only) without pulling zod into its bundle.
 */
import type { CHANNELS, EVENT_TYPES, METRICS, SEGMENTS } from './rules.js'

export type EventType = (typeof EVENT_TYPES)[number]
export type Channel = (typeof CHANNELS)[number]
export type Segment = (typeof SEGMENTS)[number]
export type Metric = (typeof METRICS)[number]

export interface OtklikEvent {
  /** Client-generated UUID; a retried event with the same id is stored once. */
  id: string
  type: EventType
  /** Epoch milliseconds when it happened, by the client's clock. */
  ts: number
  session?: string | undefined
  journey?: string | undefined
  service?: string | undefined
  life_situation?: string | undefined
  step?: string | undefined
  channel?: Channel | undefined
  segment?: Segment | undefined
  locale?: string | undefined
  /** Page path; the server cuts any query string or fragment. */
  path?: string | undefined
  /** For `journey_error`. */
  error_code?: string | undefined
  /** For `survey_shown`, `survey_response`, `survey_dismissed`. */
  metric?: Metric | undefined
  /** The named criterion of a `rating` answer (e.g. `time`, `queue`). */
  question?: string | undefined
  /** For `survey_response`: csat 1-5, nps 0-10, ces 1-7, rating 1-5. */
  score?: number | undefined
  comment?: string | undefined
}

export interface EventBatch {
  site: string
  sdk?: string | undefined
  /** Epoch milliseconds when the batch was sent, used to correct clock skew. */
  sent_at?: number | undefined
  events: OtklikEvent[]
}

export interface IngestResponse {
  accepted: number
  rejected: { index: number; reason: string }[]
  /** Present when the client's clock was off and timestamps were shifted. */
  clock_skew_ms?: number | undefined
}
