/**
 * The numeric limits of the v1 event contract (DESIGN §4). Plain constants
 * with no dependencies, so the browser SDK can import them without zod.
 */
export const LIMITS = {
  /** Events in one batch. */
  maxEvents: 100,
  /** Request body, in bytes. */
  maxBodyBytes: 64 * 1024,
  /** Characters in a free-text comment. */
  maxCommentChars: 2000,
  /** Characters in an identifier (service, step, site key, ...). */
  maxIdChars: 128,
  /** Characters in a page path (after query and fragment are cut). */
  maxPathChars: 1024,
  /** How far in the future an event's timestamp may be. */
  maxFutureMs: 24 * 60 * 60 * 1000,
  /** How far in the past a live (web) event's timestamp may be. */
  maxPastMs: 7 * 24 * 60 * 60 * 1000,
  /** How far in the past an app site's offline batch may reach. */
  maxPastOfflineMs: 30 * 24 * 60 * 60 * 1000,
  /** Client clock skew beyond which timestamps are shifted by sent_at. */
  clockSkewToleranceMs: 5 * 60 * 1000,
} as const

/** Score ranges per survey metric, inclusive. */
export const METRIC_RANGES = {
  csat: [1, 5],
  nps: [0, 10],
  ces: [1, 7],
  rating: [1, 5],
} as const

export const EVENT_TYPES = [
  'page_view',
  'journey_start',
  'journey_step',
  'journey_complete',
  'journey_abandon',
  'journey_error',
  'survey_shown',
  'survey_response',
  'survey_dismissed',
] as const

export const CHANNELS = ['web', 'mobile', 'mfc', 'phone', 'kiosk', 'other'] as const
export const SEGMENTS = ['citizen', 'business', 'internal'] as const
export const METRICS = ['csat', 'nps', 'ces', 'rating'] as const

/** Header an app site (kiosk, mobile app, call centre) sends its secret in. */
export const APP_KEY_HEADER = 'x-otklik-key'
