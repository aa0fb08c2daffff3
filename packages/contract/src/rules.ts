/**
 * The rules of the v1 event contract (DESIGN §4): limits, enumerations,
 * patterns and the survey scales. Plain constants with no dependencies, so
 * the browser SDK imports them without zod; the zod schemas build on them.
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
  /** Characters in a language tag. */
  maxLocaleChars: 35,
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

/**
 * Where the scales split (DESIGN §5): a satisfied CSAT answer is 4-5; NPS
 * promoters are 9-10, passives 7-8, detractors 0-6; a complaint (a low
 * score) is CSAT or rating 1-3, NPS 0-6, CES 5-7 (CES counts effort: high
 * is bad).
 */
export const SCALES = {
  csatSatisfiedFrom: 4,
  npsPromoterFrom: 9,
  npsPassiveFrom: 7,
  /** Highest score of a complaint, or for CES the lowest. */
  low: { csat: { to: 3 }, rating: { to: 3 }, nps: { to: 6 }, ces: { from: 5 } },
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
/** Device classes the server derives from the User-Agent. */
export const DEVICE_CLASSES = ['desktop', 'mobile', 'tablet', 'tv', 'bot', 'unknown'] as const

// Letters of any script, digits and a few separators: safe in URLs, logs and
// CSV, and enough for slugs like `passport-rf` or `birth-of-child`.
/** An identifier (service, step, site key...): starts with a letter or digit; at most `LIMITS.maxIdChars`. */
export const IDENTIFIER = /^[\p{L}\p{N}][\p{L}\p{N}._:\-/]*$/u
/** Runs of characters an identifier cannot hold (the SDK turns each into `-`). */
export const NOT_IDENTIFIER_CHARS = /[^\p{L}\p{N}._:/-]+/gu
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** A language tag like `ru` or `en-GB`; at most `LIMITS.maxLocaleChars`. */
export const LOCALE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/
// C0 and C1 control characters; comments may still hold tab and newlines.
/* eslint-disable no-control-regex -- matching control characters is the point */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
export const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
/* eslint-enable no-control-regex */
// A lone UTF-16 surrogate is not text: ClickHouse refuses to store it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** True for well-formed Unicode text (String.prototype.isWellFormed, ES2024). */
export const wellFormed = (s: string): boolean => !LONE_SURROGATE.test(s)

/** Header an app site (kiosk, mobile app, call centre) sends its secret in. */
export const APP_KEY_HEADER = 'x-otklik-key'

export { cleanPath, scrubPath } from './path.js'
export { parseInstant } from './instant.js'

// The API's enumerations, shared by its schemas, the server and clients.

/** Token scopes, each including the ones below it. */
// A manager acts on flags (acknowledge, plan, resolve, decline) besides what an analyst may do.
export const SCOPES = ['viewer', 'analyst', 'manager', 'admin'] as const
/** Languages of names and explanations. */
export const LANGUAGES = ['ru', 'en'] as const
/** Dimensions a result can be broken down by (a filter each). */
export const DIMENSIONS = ['segment', 'channel', 'device', 'browser', 'locale', 'life_situation', 'site'] as const
/** Time buckets of a time series: UTC days, ISO weeks (Monday), months. */
export const BUCKETS = ['day', 'week', 'month'] as const
/** The flag rules (DESIGN §7). */
export const FLAG_RULES = [
  'low_csat',
  'low_nps',
  'high_ces',
  'csat_decline',
  'nps_decline',
  'low_completion',
  'step_dropoff',
  'high_error_rate',
  'slower_completion',
  'group_gap',
] as const
/** Dimensions of the equal-access rule (group_gap). */
export const GAP_DIMENSIONS = ['segment', 'channel', 'device', 'locale'] as const
/** Default window of every metric and of the flags, in days. */
export const DEFAULT_WINDOW_DAYS = 28
/** Longest window a request may ask for, in days. */
export const MAX_WINDOW_DAYS = 3660
/** Smallest count open data ever publishes (k-anonymity threshold). */
export const OPEN_DATA_MIN_K = 10

/** A flag's lifecycle (DESIGN §7): open → acknowledged → in_progress → resolved → verified, or reopened; or wont_fix. */
export const FLAG_STATUSES = ['open', 'acknowledged', 'in_progress', 'resolved', 'verified', 'reopened', 'wont_fix'] as const
/**
 * What a person may move a flag to, from each status (`verified` and `open`
 * are set by the data). in_progress → in_progress is a new plan or due date.
 */
export const FLAG_TRANSITIONS: Readonly<Record<(typeof FLAG_STATUSES)[number], readonly (typeof FLAG_STATUSES)[number][]>> = {
  open: ['acknowledged', 'in_progress', 'resolved', 'wont_fix'],
  reopened: ['acknowledged', 'in_progress', 'resolved', 'wont_fix'],
  acknowledged: ['in_progress', 'resolved', 'wont_fix'],
  in_progress: ['in_progress', 'resolved', 'wont_fix'],
  resolved: ['reopened'],
  verified: ['reopened'],
  wont_fix: ['reopened'],
}
/** What a flag's alerts (webhooks, mail) and evaluations report. */
export const FLAG_EVENTS = ['flag.opened', 'flag.reopened', 'flag.overdue', 'flag.resolved', 'flag.verified'] as const
/** A flag's stable id: `f` and 15 hex digits of a hash of its service, rule, metric and step or group. */
export const FLAG_ID = /^f[0-9a-f]{15}$/
/** Longest note on a change of a flag's status (an action, a public note, a reason). */
export const MAX_FLAG_NOTE = 2000

/**
 * Why an answer from public web ingestion is left out of the figures (kept,
 * and reinstatable by an admin): `bot` a known bot User-Agent, or none;
 * `not_shown` no survey_shown of the same session, service and metric before
 * it; `too_fast` sooner after the survey appeared than a person can answer;
 * `session_cap` more answers of one session about one service than a survey
 * asks; `burst` one source (an IP or a session) answering far above the
 * site's normal rate. The thresholds are the server's.
 */
export const EXCLUSION_REASONS = ['bot', 'not_shown', 'too_fast', 'session_cap', 'burst'] as const
